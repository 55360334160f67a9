using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// Imports a contact file (LinkedIn Connections.csv, Google or Outlook contacts, the class-visit sheet, or any
/// CSV with known headers) for one owner: detects encoding, separator, header and format, validates and
/// normalises each row, de-duplicates within the file and against <see cref="IContactDirectory"/>, and writes
/// new and changed contacts to an <see cref="IContactSink"/> in batches. Streams: memory stays bounded by the
/// batch size plus a compact key index, whatever the file's size.
/// </summary>
/// <example>
/// <code>
/// await using var import = await importer.StartAsync(upload, new ImportOptions { OwnerId = owner }, progress, ct);
/// await foreach (var row in import.ReadRowsAsync(ct)) { /* stream per-row results */ }
/// var report = import.Report;
/// </code>
/// </example>
public sealed class ContactImporter(IContactDirectory directory, IContactSink sink)
{
    /// <summary>How much of the file is looked at to detect its encoding and find its header.</summary>
    public const int SampleBytes = 64 * 1024;

    /// <summary>
    /// Reads the start of <paramref name="input"/> and works out how to read it. Throws a
    /// <see cref="DomainException"/> with code <c>import.not-text</c> for binary input, <c>import.no-header</c>
    /// when no header row is recognised, <c>import.bad-parameter</c> for bad options.
    /// </summary>
    /// <param name="input">The upload, read forward only from its current position (it is not disposed).</param>
    /// <param name="options">Owner, format, defaults.</param>
    /// <param name="progress">Receives progress after every batch, or null.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The import, ready to stream its rows.</returns>
    public async Task<ContactImport> StartAsync(Stream input, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var prefix = new byte[SampleBytes];
        var length = 0;
        int read;
        while (length < prefix.Length && (read = await input.ReadAsync(prefix.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        // A full sample from a stream that cannot say whether more follows is treated as a prefix: always safe,
        // since a cut last line is then simply not used to find the header.
        var isWholeFile = length < prefix.Length || (input.CanSeek && input.Position >= input.Length);
        var totalBytes = options.TotalBytes ?? (input.CanSeek ? input.Length : null);
        var declared = options.Charset is { } charset ? DeclaredCharset.Resolve(charset) : null;
        var detection = Detect(prefix.AsSpan(0, length), isWholeFile, declared, options.Format, options.Columns);
        var stream = new ReplayStream(prefix, length, input);
        return new ContactImport(detection, stream, options, directory, sink, progress, totalBytes);
    }

    /// <summary>Runs a whole import and returns its report (per-row results are not kept).</summary>
    public async Task<ImportReport> ImportAsync(Stream input, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var import = await StartAsync(input, options, progress, cancellationToken);
        return await import.RunToEndAsync(cancellationToken);
    }

    private static ImportDetection? Detect(ReadOnlySpan<byte> prefix, bool isWholeFile, System.Text.Encoding? declared, ImportFormat? format, ColumnMapping? columns)
    {
        if (prefix.IsEmpty)
        {
            return null;
        }

        var encoding = TextEncodingDetector.Detect(prefix, isWholeFile, declared);
        var text = TextEncodingDetector.Decode(prefix, encoding, isWholeFile);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var header = HeaderLocator.Locate(text, isWholeFile, format, columns);
        if (columns is not null)
        {
            // A typo in a mapped name would otherwise leave that column unread without a word, or no header found.
            var (line, cells) = header is not null ? (header.Line, header.Layout.Headers) : HeaderLocator.MeantHeader(text, isWholeFile, columns) ?? (0, []);
            if (cells.Count > 0 && columns.Missing(cells.Select(HeaderAliases.Fold).ToHashSet(StringComparer.Ordinal)).ToList() is { Count: > 0 } missing)
            {
                throw new DomainException(
                    "import.bad-parameter",
                    $"columns names {string.Join(", ", missing.Select(m => $"'{m}'"))}, not a column of the header on line {line} " +
                    $"({string.Join(", ", cells.Where(h => h.Length > 0))}).",
                    "columns");
            }
        }

        return new ImportDetection(encoding, header ?? throw NoHeader(format, columns));
    }

    private static DomainException NoHeader(ImportFormat? format, ColumnMapping? columns)
    {
        var expected = format is { } f ? $"It was to be read as {f}, whose header was not found. " : string.Empty;
        var mapped = columns is null ? string.Empty : $" and the columns named in columns ({columns})";
        return new DomainException(
            "import.no-header",
            $"No header row was recognised in the first {SampleBytes / 1024} KiB of the file. {expected}" +
            $"A header needs a name column and an email or LinkedIn URL column; known headers: {HeaderAliases.KnownHeadersText}{mapped}. " +
            $"Name your own columns with the columns parameter, for example columns=Correo=email;Nombre=name.",
            "file");
    }
}
