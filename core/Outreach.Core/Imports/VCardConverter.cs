using System.Text;

namespace Outreach.Core.Imports;

/// <summary>
/// Turns a vCard file (.vcf: contacts exported from a phone, Outlook, Google, or a business-card scanner; vCard 2.1, 3.0
/// or 4.0) into the CSV the import reads: one row per card with its name (N's family and given names, else FN), most
/// preferred email and its other emails, LinkedIn profile (a URL or social profile on linkedin.com), organisation,
/// title, note and categories. Each card's row is on
/// the line of the card's first property (the line after <c>BEGIN:VCARD</c>; the lines between are left empty, which the
/// import skips), so every line the import report names is a line of the .vcf. Line breaks in a note are written as
/// U+2028, as <see cref="WorkbookConverter"/> does, and read back as line breaks. Photos and other properties are left out.
/// </summary>
internal static class VCardConverter
{
    /// <summary>The CSV's header: names the import knows (<see cref="HeaderAliases"/>).</summary>
    public const string Header = "First name,Last name,Full name,Email,LinkedIn URL,Company,Position,Notes,Tags,Other email";

    private const string Begin = "BEGIN:VCARD";

    /// <summary>Whether a file starting with <paramref name="start"/> is a vCard file (after any byte order mark and blank lines).</summary>
    public static bool IsVCard(ReadOnlySpan<byte> start)
    {
        var text = TextEncodingDetector.FromByteOrderMark(start) is { } marked
            ? TextEncodingDetector.Decode(start, marked, isWholeFile: false)
            : Encoding.UTF8.GetString(start);
        text = text.TrimStart(' ', '\t', '\r', '\n');
        return text.StartsWith(Begin, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Writes the CSV of <paramref name="vcf"/> as UTF-8 to <paramref name="destination"/>.</summary>
    /// <param name="vcf">The vCard file, from its start.</param>
    /// <param name="destination">Where the CSV goes.</param>
    /// <param name="maxBytes">The most the CSV may hold.</param>
    /// <param name="cancellationToken">Checked between lines.</param>
    /// <exception cref="DomainException">The CSV would be larger than <paramref name="maxBytes"/> (<c>import.archive-too-large</c>, target <c>file</c>).</exception>
    public static async Task ToCsvAsync(Stream vcf, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vcf);
        ArgumentNullException.ThrowIfNull(destination);
        var sample = new byte[ContactImporter.SampleBytes];
        var read = await vcf.ReadAtLeastAsync(sample, sample.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        vcf.Position = 0;
        var encoding = TextEncodingDetector.Detect(sample.AsSpan(0, read), isWholeFile: read < sample.Length).Encoding;

        using var reader = new StreamReader(vcf, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var output = new CsvLines(writer, maxBytes);
            await output.WriteAsync(1, Header, cancellationToken).ConfigureAwait(false);
            var lines = new VCardLines(reader);
            VCardCard? card = null;
            while (await lines.ReadAsync(cancellationToken).ConfigureAwait(false) is var (line, text))
            {
                if (text.Trim().Equals(Begin, StringComparison.OrdinalIgnoreCase))
                {
                    // A card not ended before the next begins (a cut or merged file) still counts.
                    await output.WriteCardAsync(card, cancellationToken).ConfigureAwait(false);
                    card = new VCardCard(line + 1);
                }
                else if (text.Trim().Equals("END:VCARD", StringComparison.OrdinalIgnoreCase))
                {
                    await output.WriteCardAsync(card, cancellationToken).ConfigureAwait(false);
                    card = null;
                }
                else if (card is not null && VCardProperty.Parse(text) is { } property)
                {
                    card.Add(property);
                }
            }

            await output.WriteCardAsync(card, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The CSV being written: each row on the line it is meant for, blank lines before it, within the byte limit.</summary>
    private sealed class CsvLines(StreamWriter writer, long maxBytes)
    {
        private int _line;
        private long _bytes;

        public ValueTask WriteCardAsync(VCardCard? card, CancellationToken cancellationToken) =>
            card is null ? ValueTask.CompletedTask : WriteAsync(card.Line, card.ToCsvRow(), cancellationToken);

        public async ValueTask WriteAsync(int line, string row, CancellationToken cancellationToken)
        {
            var text = new StringBuilder();
            while (_line + 1 < line)
            {
                text.Append("\r\n");
                _line++;
            }

            text.Append(row).Append("\r\n");
            _line++;
            _bytes += Encoding.UTF8.GetByteCount(text.ToString());
            if (_bytes > maxBytes)
            {
                throw new DomainException(ImportErrorCodes.ExpandsTooFar, $"The vCard file's contacts are larger than {maxBytes} bytes as CSV, the most an upload may be.", "file");
            }

            await writer.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        }
    }
}
