using System.Buffers;

namespace Outreach.Core.Imports;

/// <summary>Trims and collapses whitespace in imported cells, allocating only when something changes.</summary>
internal static class TextCleaner
{
    /// <summary>
    /// Whether <paramref name="c"/> is a combining mark: a Latin letter's accent once decomposed, or one of the marks many
    /// scripts write vowels with (the ि and ा of Devanagari, Thai's tone marks), which are part of a word there.
    /// </summary>
    public static bool IsCombiningMark(char c) => char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    /// <summary>
    /// A one-line value: trimmed, every run of whitespace (line breaks and non-breaking spaces included) one
    /// space; null when nothing is left.
    /// </summary>
    /// <param name="value">The cell.</param>
    /// <param name="plainRecord">
    /// The record the cell comes from holds no control character, double space or non-ASCII space at all
    /// (<see cref="CsvRecordCursor.IsPlainRecord"/>), checked once for the whole record: only the cell's edges are left to look at.
    /// </param>
    public static string? SingleLine(string? value, bool plainRecord = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (plainRecord ? value[0] != ' ' && value[^1] != ' ' : IsCleanSingleLine(value))
        {
            return value;
        }

        var buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = c;
        }

        return length == 0 ? null : new string(buffer[..length]);
    }

    /// <summary>
    /// A multi-line value (notes): line breaks kept as <c>\n</c> (at most one empty line in a row), spaces
    /// within a line collapsed, each line and the whole trimmed; null when nothing is left.
    /// </summary>
    /// <param name="value">The cell.</param>
    /// <param name="plainRecord">As for <see cref="SingleLine"/> (a plain record has no line break either).</param>
    public static string? MultiLine(string? value, bool plainRecord = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (plainRecord || value.AsSpan().IndexOfAny(LineBreaks) < 0)
        {
            return SingleLine(value, plainRecord);
        }

        var lines = value.ReplaceLineEndings("\n").Split('\n');
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            var cleaned = SingleLine(line);
            if (cleaned is not null)
            {
                kept.Add(cleaned);
            }
            else if (kept.Count > 0 && kept[^1].Length > 0)
            {
                kept.Add(string.Empty);
            }
        }

        while (kept.Count > 0 && kept[^1].Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return kept.Count == 0 ? null : string.Join('\n', kept);
    }

    /// <summary>
    /// What <see cref="string.ReplaceLineEndings(string)"/> takes for a line break: CR, LF, form feed, NEL, and the
    /// Unicode line and paragraph separators (a converted workbook writes a line break inside a cell as U+2028).
    /// </summary>
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n\f\u0085\u2028\u2029");

    /// <summary>ASCII control characters (tab, CR, LF included): searched with a vectorised ASCII lookup.</summary>
    private static readonly SearchValues<char> AsciiControls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    /// <summary>
    /// Vectorised check that nothing needs cleaning (the usual case): no edge spaces, no double space, no control
    /// character, and no non-ASCII white space (looked for only when the value has non-ASCII characters at all).
    /// </summary>
    private static bool IsCleanSingleLine(string value)
    {
        var span = value.AsSpan();
        if (span[0] == ' ' || span[^1] == ' ' || span.IndexOfAny(AsciiControls) >= 0 || span.IndexOf("  ", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        var nonAscii = span.IndexOfAnyExceptInRange('\u0000', '\u007F');
        if (nonAscii < 0)
        {
            return true;
        }

        foreach (var c in span[nonAscii..])
        {
            if (c > '\u007F' && char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }
}
