namespace Outreach.Core.Imports;

/// <summary>Trims and collapses whitespace in imported cells, allocating only when something changes.</summary>
internal static class TextCleaner
{
    /// <summary>
    /// A one-line value: trimmed, every run of whitespace (line breaks and non-breaking spaces included) one
    /// space; null when nothing is left.
    /// </summary>
    public static string? SingleLine(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (IsCleanSingleLine(value))
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
    public static string? MultiLine(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            return SingleLine(value);
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

    private static bool IsCleanSingleLine(string value)
    {
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in value)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
            }
            else if (c < ' ' || (c > '~' && char.IsWhiteSpace(c)))
            {
                return false;
            }
            else
            {
                previousSpace = false;
            }
        }

        return true;
    }
}
