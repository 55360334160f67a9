using System.IO.Compression;

namespace Outreach.Core.Imports;

/// <summary>
/// Takes the contacts file out of a ZIP upload, since LinkedIn sends its data export as an archive
/// (<c>Complete_LinkedInDataExport_MM-DD-YYYY/Connections.csv</c> beside messages, invitations and more). The entry
/// taken is <c>Connections.csv</c> wherever it sits, else the archive's only CSV; nothing else of the archive is read
/// or kept. The copy stops at a byte limit whatever the entry's header claims, so a small archive cannot expand into
/// a huge file.
/// </summary>
public static class ImportArchive
{
    /// <summary>The name LinkedIn gives the connections file.</summary>
    public const string LinkedInConnections = "Connections.csv";

    /// <summary>How many CSV names an error lists at most.</summary>
    private const int NamesListed = 10;

    /// <summary>Whether the file starts like a ZIP archive (a local file header, or the end record of an empty archive).</summary>
    public static bool IsZip(ReadOnlySpan<byte> start) =>
        start.StartsWith("PK\u0003\u0004"u8) || start.StartsWith("PK\u0005\u0006"u8);

    /// <summary>Copies the contacts file of <paramref name="archive"/> to <paramref name="destination"/>.</summary>
    /// <param name="archive">The ZIP archive (seekable).</param>
    /// <param name="destination">Where the entry's bytes go.</param>
    /// <param name="maxBytes">The most the entry may hold.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>The entry's file name (without its folders) and its length.</returns>
    /// <exception cref="DomainException">
    /// The archive cannot be read (<c>import.archive-unreadable</c>), is a workbook (.xlsx, .ods: <c>import.spreadsheet</c>),
    /// holds no CSV (<c>import.archive-no-csv</c>), holds
    /// several and none is Connections.csv (<c>import.archive-ambiguous</c>), or the entry is larger than
    /// <paramref name="maxBytes"/> (<c>import.archive-too-large</c>); each names the target <c>file</c>.
    /// </exception>
    public static async Task<(string FileName, long Length)> ExtractContactsAsync(
        Stream archive, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        using var zip = Open(archive);
        return await ExtractContactsAsync(zip, destination, maxBytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens <paramref name="archive"/> (left open); <c>import.archive-unreadable</c> when it is no ZIP archive.</summary>
    internal static ZipArchive Open(Stream archive)
    {
        try
        {
            return new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw Unreadable();
        }
    }

    /// <summary>As <see cref="ExtractContactsAsync(Stream, Stream, long, CancellationToken)"/>, from an archive already open.</summary>
    internal static async Task<(string FileName, long Length)> ExtractContactsAsync(
        ZipArchive zip, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(destination);
        var entry = Choose(zip.Entries);
        try
        {
            await using var content = entry.Open();
            return (entry.Name, await CopyAtMostAsync(content, destination, maxBytes, cancellationToken).ConfigureAwait(false));
        }
        catch (InvalidDataException)
        {
            throw Unreadable();
        }
    }

    private static DomainException Unreadable() => new(
        "import.archive-unreadable",
        "The ZIP archive cannot be read (it is damaged, or protected by a password): unzip it and upload the CSV file inside.",
        "file");

    private static ZipArchiveEntry Choose(IReadOnlyCollection<ZipArchiveEntry> entries)
    {
        var csv = entries.Where(IsCsvFile).ToList();
        var connections = csv.Where(e => string.Equals(e.Name, LinkedInConnections, StringComparison.OrdinalIgnoreCase)).ToList();
        if (connections.Count == 1)
        {
            return connections[0];
        }

        if (connections.Count == 0 && csv.Count == 1)
        {
            return csv[0];
        }

        if (csv.Count == 0 && SpreadsheetFiles.KindOfArchive(entries.Select(e => e.FullName)) is { } workbook)
        {
            throw SpreadsheetFiles.Refusal(workbook);
        }

        if (csv.Count == 0)
        {
            throw new DomainException(
                "import.archive-no-csv",
                "The ZIP archive holds no CSV file: upload LinkedIn's Connections.csv or your contact sheet as CSV, or the archive that holds it.",
                "file");
        }

        var names = string.Join(", ", csv.Take(NamesListed).Select(e => e.FullName));
        throw new DomainException(
            "import.archive-ambiguous",
            $"The ZIP archive holds {csv.Count} CSV files ({names}{(csv.Count > NamesListed ? ", ..." : string.Empty)}) and not exactly one {LinkedInConnections}: unzip it and upload the contacts file.",
            "file");
    }

    /// <summary>A CSV file, not a folder, nor the resource-fork copies macOS adds to archives it makes.</summary>
    private static bool IsCsvFile(ZipArchiveEntry entry) =>
        entry.Name.Length > 0
        && entry.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
        && !entry.Name.StartsWith("._", StringComparison.Ordinal)
        && !entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal);

    private static async Task<long> CopyAtMostAsync(Stream source, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[81_920];
        long copied = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            copied += read;
            if (copied > maxBytes)
            {
                throw new DomainException(
                    ImportErrorCodes.ExpandsTooFar,
                    $"The contacts file in the ZIP archive is larger than {maxBytes} bytes, the most an upload may be.",
                    "file");
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        return copied;
    }
}
