using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// Takes one contact's records out of an uploaded import file that is kept (erasure). The file is read again by the
/// importer itself against a directory holding only that contact, so a record is the contact's exactly when the import
/// dedupes it onto the contact (email case-insensitive, canonical LinkedIn URL, folded name + company, and rows of the
/// file that dedupe onto such a row); a rejected record is the contact's when its text contains one of the contact's
/// identifying values. Emptying whole physical lines, from a record's first line to the next record's, keeps the
/// header, preamble and every other record as they were, on the lines they were on: an empty line is no row, so the
/// file reads as before without the contact, and every line number the import's report and row list give still points
/// at its row. The text is decoded and re-encoded with the detected encoding and its byte order mark, which gives the
/// same bytes back for well-formed text.
/// </summary>
public static class ImportFileRedactor
{
    /// <summary>The size of the chunks the file is read in when its records are taken out.</summary>
    private const int ChunkBytes = 1 << 16;

    /// <summary>
    /// Writes <paramref name="file"/> with the contact's records emptied to <paramref name="output"/>, when it has any: read
    /// twice (to find the records, then to copy the rest), a chunk at a time, so a file of any size takes little memory.
    /// </summary>
    /// <param name="file">The uploaded file as stored; seekable.</param>
    /// <param name="output">Receives the file with the contact's records' lines left empty; nothing is written when it has none.</param>
    /// <param name="contact">The contact being erased (as stored, with its merged identities).</param>
    /// <param name="keys">
    /// Every key the contact holds as stored: its own and those imports claimed for it (<see cref="ContactKeyClaim"/>: a
    /// second address, say), so a record found by one of those is the contact's too. Empty: its own keys only.
    /// </param>
    /// <param name="identifyingValues">Texts that mark a rejected row as the contact's (email, full name, LinkedIn URL); compared case-insensitively.</param>
    /// <param name="readAs">
    /// How the file was read when it was imported (its format, the caller's column names, its declared charset, the date
    /// culture), so it is read the same way again; null detects everything again. Its owner and import id are not used.
    /// </param>
    /// <param name="cancellationToken">Cancels reading and writing.</param>
    /// <returns>The physical lines (1-based, ascending) the emptied records started on; empty when none was the contact's.</returns>
    /// <exception cref="DomainException">The file cannot be read as an import (<c>import.not-text</c>, <c>import.no-header</c>).</exception>
    public static async Task<IReadOnlyList<int>> RedactAsync(
        Stream file, Stream output, Contact contact, IReadOnlyCollection<ContactKey> keys, IReadOnlyCollection<string> identifyingValues, ImportOptions? readAs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(identifyingValues);
        if (!file.CanSeek)
        {
            throw new ArgumentException("The file is read twice, so it must be seekable.", nameof(file));
        }

        var directory = new InMemoryContactDirectory();
        ContactKeyClaim[] claims = [.. ContactKeys.Of(contact).Concat(keys).Select(key => new ContactKeyClaim(contact.ContactId, key))];
        await directory.WriteAsync(contact.OwnerId, [contact], [false], claims, cancellationToken).ConfigureAwait(false);

        var starts = new List<int>();
        var erased = new List<int>();
        DetectedEncoding? encoding;
        var start = file.Position;
        var import = await new ContactImporter(directory, directory)
            .StartAsync(file, (readAs ?? new ImportOptions { OwnerId = contact.OwnerId }) with { OwnerId = contact.OwnerId, ImportId = string.Empty }, progress: null, cancellationToken)
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
            return [];
        }

        file.Position = start;
        await CopyWithoutAsync(file, output, encoding, RemovedLines(starts, erased), cancellationToken).ConfigureAwait(false);
        return erased;
    }

    /// <summary>Whether a rejected row's text names the contact: holds one of its identifying values, case-insensitively.</summary>
    /// <param name="text">The row's text as in the file.</param>
    /// <param name="identifyingValues">The contact's email, full name, LinkedIn URL (and addresses claimed for it).</param>
    public static bool Mentions(string? text, IReadOnlyCollection<string> identifyingValues)
    {
        ArgumentNullException.ThrowIfNull(identifyingValues);
        return !string.IsNullOrEmpty(text) && identifyingValues.Any(v => v.Length > 0 && text.Contains(v, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The lines of the erased records, as ascending ranges: a record runs from its first line to the line before the next record's (the last, to the end).</summary>
    private static List<(int First, int End)> RemovedLines(List<int> starts, List<int> erased)
    {
        var sortedStarts = starts.Distinct().Order().ToArray();
        var ranges = new List<(int First, int End)>(erased.Count);
        foreach (var first in erased.Distinct().Order())
        {
            var next = Array.BinarySearch(sortedStarts, first) + 1;
            ranges.Add((first, next < sortedStarts.Length ? sortedStarts[next] : int.MaxValue));
        }

        return ranges;
    }

    /// <summary>
    /// Copies the file with the removed lines emptied (their line breaks kept), a chunk at a time: its byte order mark as
    /// it is, then the text decoded and encoded again with its own encoding, which gives the same bytes back for
    /// well-formed text.
    /// </summary>
    private static async Task CopyWithoutAsync(Stream file, Stream output, DetectedEncoding encoding, List<(int First, int End)> removed, CancellationToken cancellationToken)
    {
        var preamble = new byte[encoding.PreambleLength];
        await file.ReadExactlyAsync(preamble, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(preamble, cancellationToken).ConfigureAwait(false);

        var decoder = encoding.Encoding.GetDecoder();
        var encoder = encoding.Encoding.GetEncoder();
        var lines = new LineFilter(removed);
        var bytes = new byte[ChunkBytes];
        var chars = new char[encoding.Encoding.GetMaxCharCount(ChunkBytes)];
        var encoded = new byte[encoding.Encoding.GetMaxByteCount(chars.Length)];
        int read;
        do
        {
            read = await file.ReadAsync(bytes, cancellationToken).ConfigureAwait(false);
            var decoded = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
            var kept = lines.Keep(chars.AsSpan(0, decoded));
            var length = encoder.GetBytes(chars, 0, kept, encoded, 0, flush: read == 0);
            await output.WriteAsync(encoded.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        while (read > 0);
    }

    /// <summary>
    /// Follows the physical lines of text given a chunk at a time (a line ends with CR LF, LF or a lone CR, as the CSV
    /// reader counts lines) and keeps the characters of the lines not removed, and the line breaks of those removed.
    /// </summary>
    private sealed class LineFilter(List<(int First, int End)> removed)
    {
        private int _line = 1;
        private int _range;
        private bool _afterCarriageReturn;

        /// <summary>Moves the characters of kept lines to the front of <paramref name="chunk"/>; how many there are.</summary>
        public int Keep(Span<char> chunk)
        {
            var kept = 0;
            foreach (var c in chunk)
            {
                if (_afterCarriageReturn)
                {
                    _afterCarriageReturn = false;
                    if (c == '\n')
                    {
                        Emit(chunk, ref kept, c);
                        _line++;
                        continue;
                    }

                    _line++;
                }

                Emit(chunk, ref kept, c);
                if (c == '\n')
                {
                    _line++;
                }
                else if (c == '\r')
                {
                    _afterCarriageReturn = true;
                }
            }

            return kept;
        }

        private void Emit(Span<char> chunk, ref int kept, char c)
        {
            while (_range < removed.Count && removed[_range].End <= _line)
            {
                _range++;
            }

            if (_range == removed.Count || removed[_range].First > _line || c is '\r' or '\n')
            {
                chunk[kept++] = c;
            }
        }
    }
}
