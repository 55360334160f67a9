using System.Text;
using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// Takes one contact's records out of an uploaded import file that is kept (erasure). The file is read again by the
/// importer itself against a directory holding only that contact, so a record is the contact's exactly when the import
/// dedupes it onto the contact (email case-insensitive, canonical LinkedIn URL, folded name + company, and rows of the
/// file that dedupe onto such a row); a rejected record is the contact's when its text contains one of the contact's
/// identifying values. Removing whole physical lines, from a record's first line to the next record's, keeps the
/// header, preamble and every other record as they were: the text is decoded and re-encoded with the detected
/// encoding and its byte order mark, which gives the same bytes back for well-formed text.
/// </summary>
public static class ImportFileRedactor
{
    /// <summary>The file without the contact's records.</summary>
    /// <param name="file">The uploaded file as stored.</param>
    /// <param name="contact">The contact being erased (as stored, with its merged identities).</param>
    /// <param name="keys">
    /// Every key the contact holds as stored: its own and those imports claimed for it (<see cref="ContactKeyClaim"/>: a
    /// second address, say), so a record found by one of those is the contact's too. Empty: its own keys only.
    /// </param>
    /// <param name="identifyingValues">Texts that mark a rejected row as the contact's (email, full name, LinkedIn URL); compared case-insensitively.</param>
    /// <param name="format">The format the file was imported as, or null to detect it again.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="DomainException">The file cannot be read as an import (<c>import.not-text</c>, <c>import.no-header</c>).</exception>
    public static async Task<ImportFileRedaction> RedactAsync(
        byte[] file, Contact contact, IReadOnlyCollection<ContactKey> keys, IReadOnlyCollection<string> identifyingValues, ImportFormat? format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(identifyingValues);
        var directory = new InMemoryContactDirectory();
        ContactKeyClaim[] claims = [.. ContactKeys.Of(contact).Concat(keys).Select(key => new ContactKeyClaim(contact.ContactId, key))];
        await directory.WriteAsync(contact.OwnerId, [contact], [false], claims, cancellationToken).ConfigureAwait(false);

        var starts = new List<int>();
        var erased = new List<int>();
        DetectedEncoding? encoding;
        using var input = new MemoryStream(file, writable: false);
        var import = await new ContactImporter(directory, directory)
            .StartAsync(input, new ImportOptions { OwnerId = contact.OwnerId, Format = format }, progress: null, cancellationToken)
            .ConfigureAwait(false);
        await using (import.ConfigureAwait(false))
        {
            encoding = import.Detection?.Encoding;
            await foreach (var row in import.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
            {
                starts.Add(row.Line);
                if (string.Equals(row.ContactId, contact.ContactId, StringComparison.Ordinal)
                    || (row.Outcome == ImportRowOutcome.Rejected && Mentions(row.RawText, identifyingValues)))
                {
                    erased.Add(row.Line);
                }
            }
        }

        if (erased.Count == 0 || encoding is null)
        {
            return new ImportFileRedaction(file, []);
        }

        return new ImportFileRedaction(Without(file, encoding, starts, erased), erased);
    }

    private static bool Mentions(string? text, IReadOnlyCollection<string> values) =>
        !string.IsNullOrEmpty(text) && values.Any(v => v.Length > 0 && text.Contains(v, StringComparison.OrdinalIgnoreCase));

    /// <summary>The file without the lines of the erased records (a record runs to the line before the next record's).</summary>
    private static byte[] Without(byte[] file, DetectedEncoding encoding, List<int> starts, List<int> erased)
    {
        var text = encoding.Encoding.GetString(file, encoding.PreambleLength, file.Length - encoding.PreambleLength);
        var lines = PhysicalLines(text);
        var sortedStarts = starts.Distinct().Order().ToArray();
        var removed = new bool[lines.Count + 2];
        foreach (var first in erased)
        {
            var next = Array.BinarySearch(sortedStarts, first) + 1;
            var end = next < sortedStarts.Length ? sortedStarts[next] : lines.Count + 1;
            for (var line = first; line < end && line <= lines.Count; line++)
            {
                removed[line] = true;
            }
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!removed[i + 1])
            {
                kept.Append(text, lines[i].Start, lines[i].Length);
            }
        }

        var body = encoding.Encoding.GetBytes(kept.ToString());
        var result = new byte[encoding.PreambleLength + body.Length];
        file.AsSpan(0, encoding.PreambleLength).CopyTo(result);
        body.CopyTo(result, encoding.PreambleLength);
        return result;
    }

    /// <summary>Each physical line with its terminator (CR LF, LF or a lone CR, as the CSV reader counts lines).</summary>
    private static List<(int Start, int Length)> PhysicalLines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                var end = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
                lines.Add((start, end - start));
                start = end;
                i = end - 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add((start, text.Length - start));
        }

        return lines;
    }
}
