namespace Outreach.Core.Imports;

/// <summary>
/// Finds the header row by scanning the first records of the decoded prefix, whatever precedes it (LinkedIn's
/// "Notes:" preamble, quoted notes, blank lines, Excel's <c>sep=;</c>), and sniffs the separator (comma,
/// semicolon or tab) from that row with the same quoting rules CsvHelper reads with (RFC 4180: a quote opens a
/// quoted field only at the start of a field).
/// </summary>
internal static class HeaderLocator
{
    /// <summary>How many records (preamble lines) are looked at before giving up.</summary>
    public const int MaxRecordsScanned = 200;

    private static readonly char[] Delimiters = [',', ';', '\t'];

    /// <summary>The header of <paramref name="text"/>, or null when no record looks like one.</summary>
    /// <param name="text">The decoded start of the file.</param>
    /// <param name="isWholeFile">Whether <paramref name="text"/> is the whole file (else its last line may be cut).</param>
    /// <param name="format">The format the caller insists on, or null to detect it.</param>
    /// <param name="mapping">The caller's own column names (they count as recognised headers), or null.</param>
    public static HeaderMatch? Locate(string text, bool isWholeFile, ImportFormat? format, ColumnMapping? mapping = null)
    {
        HeaderMatch? best = null;
        var bestIndex = int.MaxValue;
        var bestRecognised = 0;
        foreach (var delimiter in Delimiters)
        {
            var index = 0;
            foreach (var (line, cells) in Records(text, delimiter, isWholeFile))
            {
                if (index > bestIndex || index >= MaxRecordsScanned)
                {
                    break;
                }

                if (cells.Count > 1 && IsHeader(cells, format, mapping, out var layout)
                    && (index < bestIndex || layout.Recognised.Count > bestRecognised))
                {
                    best = new HeaderMatch(line, delimiter, layout);
                    bestIndex = index;
                    bestRecognised = layout.Recognised.Count;
                    break;
                }

                index++;
            }
        }

        return best;
    }

    /// <summary>
    /// When no header was found with <paramref name="mapping"/>: the first record (with any separator) holding at least
    /// one of its names, which is the header the caller meant, so an error can say which mapped names it lacks.
    /// </summary>
    public static (int Line, IReadOnlyList<string> Cells)? MeantHeader(string text, bool isWholeFile, ColumnMapping mapping)
    {
        (int Line, IReadOnlyList<string> Cells)? best = null;
        foreach (var delimiter in Delimiters)
        {
            foreach (var (line, cells) in Records(text, delimiter, isWholeFile).Take(MaxRecordsScanned))
            {
                if (cells.Count > 1 && cells.Exists(c => mapping.TryGet(HeaderAliases.Fold(c), out _)))
                {
                    if (best is null || line < best.Value.Line)
                    {
                        best = (line, cells);
                    }

                    break;
                }
            }
        }

        return best;
    }

    private static bool IsHeader(List<string> cells, ImportFormat? format, ColumnMapping? mapping, out ImportLayout layout)
    {
        layout = ImportLayout.Create(cells, format, mapping);
        if (format is { } wanted)
        {
            var folded = cells.ConvertAll(HeaderAliases.Fold);
            return ImportLayout.HasSignature(folded, wanted) && layout.CanIdentifyContacts;
        }

        return layout.CanIdentifyContacts;
    }

    /// <summary>The records of <paramref name="text"/> with the physical line each starts on (empty lines skipped).</summary>
    private static IEnumerable<(int Line, List<string> Cells)> Records(string text, char delimiter, bool isWholeFile)
    {
        var position = 0;
        var line = 1;
        var cell = new System.Text.StringBuilder();
        while (position < text.Length)
        {
            var startLine = line;
            var cells = new List<string>();
            var atFieldStart = true;
            var inQuotes = false;
            var ended = false;
            cell.Clear();
            while (position < text.Length)
            {
                var c = text[position++];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (position < text.Length && text[position] == '"')
                        {
                            cell.Append('"');
                            position++;
                        }
                        else
                        {
                            inQuotes = false;
                        }
                    }
                    else
                    {
                        line += IsLineBreak(text, position - 1) ? 1 : 0;
                        cell.Append(c);
                    }

                    continue;
                }

                if (c == '"' && atFieldStart)
                {
                    inQuotes = true;
                    atFieldStart = false;
                }
                else if (c == delimiter)
                {
                    cells.Add(cell.ToString().Trim());
                    cell.Clear();
                    atFieldStart = true;
                }
                else if (c is '\n' or '\r')
                {
                    if (c == '\r' && position < text.Length && text[position] == '\n')
                    {
                        position++;
                    }

                    line++;
                    ended = true;
                    break;
                }
                else
                {
                    cell.Append(c);
                    atFieldStart = false;
                }
            }

            if (!ended && !isWholeFile)
            {
                yield break; // the sample cut this record: it may continue past the prefix
            }

            cells.Add(cell.ToString().Trim());
            if (cells.Count > 1 || cells[0].Length > 0)
            {
                yield return (startLine, cells);
            }
        }
    }

    /// <summary>Whether the character at <paramref name="index"/> ends a line (a CR of CR LF does not: its LF does).</summary>
    private static bool IsLineBreak(string text, int index) =>
        text[index] == '\n' || (text[index] == '\r' && (index + 1 >= text.Length || text[index + 1] != '\n'));
}
