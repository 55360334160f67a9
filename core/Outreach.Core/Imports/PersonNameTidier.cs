using System.Globalization;
using System.Text;

namespace Outreach.Core.Imports;

/// <summary>
/// Takes out of a name written in one cell what is no part of the person's name, as people and sheets write it
/// around one: quotes around the whole name, a nickname in quotes (<c>Robert "Bob" Smith</c>), a part in brackets
/// (<c>Jane Doe (she/her)</c>, <c>Kim Lee [Acme]</c>), emoji and other symbols (<c>Jane Doe 🚀</c>), and a tagline
/// after a bar or a dash (<c>Jane Doe | Hiring</c>). Letters of every script, apostrophes and hyphens inside a name
/// (<c>O'Brien</c>, <c>Doe-Smith</c>) are kept.
/// </summary>
internal static class PersonNameTidier
{
    /// <summary>Quote pairs a nickname or a whole name is written between.</summary>
    private static readonly (char Open, char Close)[] Quotes = [('"', '"'), ('\'', '\''), ('“', '”'), ('„', '“'), ('‘', '’'), ('«', '»')];

    /// <summary>The ASCII a plain name is written with: letters, spaces, dots, commas and hyphens (an apostrophe may open a nickname).</summary>
    private static readonly System.Buffers.SearchValues<char> PlainAscii =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .,-");

    /// <summary>Words that end a name and start a tagline (<c>Jane Doe | Product at Acme</c>).</summary>
    private static readonly string[] Taglines = ["|", "•", "·", "–", "—"];

    /// <summary>
    /// <paramref name="name"/> (cleaned, one line) without the parts that are no part of the name; <paramref name="name"/>
    /// itself when it has none or starts like a spreadsheet formula, and also when nothing with a letter would be left (a cell holding only "(she/her)" or an
    /// emoji is kept as written rather than lost).
    /// </summary>
    public static string Tidy(string name)
    {
        if (IsPlain(name) || CsvText.StartsLikeFormula(name))
        {
            // Letters, spaces, dots, commas and hyphens only: most names, nothing to take out. A cell that starts like a
            // spreadsheet formula is no name to tidy: it is kept as the text it is (and counted), never taken apart.
            return name;
        }

        var tidy = Unwrap(name);
        tidy = CutTagline(tidy);
        tidy = RemoveBracketed(tidy);
        tidy = RemoveNicknames(tidy);
        tidy = RemoveSymbols(tidy);
        tidy = Collapse(tidy);
        return HasLetter(tidy) ? tidy : name;
    }

    private static bool IsPlain(string name)
    {
        var at = name.AsSpan().IndexOfAnyExcept(PlainAscii);
        if (at < 0)
        {
            return true; // the common case, answered by one vectorised search
        }

        foreach (var c in name.AsSpan(at))
        {
            if (!PlainAscii.Contains(c) && (c < 0x80 || !char.IsLetter(c)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The name inside quotes that hold all of it (<c>"Jane Doe"</c>), else the name as it is.</summary>
    private static string Unwrap(string name)
    {
        foreach (var (open, close) in Quotes)
        {
            if (name.Length > 2 && name[0] == open && name[^1] == close && name.AsSpan(1, name.Length - 2).IndexOfAny(open, close) < 0)
            {
                return name[1..^1].Trim();
            }
        }

        return name;
    }

    private static string CutTagline(string name)
    {
        foreach (var mark in Taglines)
        {
            var at = name.IndexOf(" " + mark + " ", StringComparison.Ordinal);
            if (at > 0)
            {
                name = name[..at];
            }
        }

        return name;
    }

    /// <summary>Without the parts between round or square brackets (and the brackets).</summary>
    private static string RemoveBracketed(string name)
    {
        if (name.AsSpan().IndexOfAny('(', '[') < 0)
        {
            return name;
        }

        var kept = new StringBuilder(name.Length);
        var depth = 0;
        foreach (var c in name)
        {
            if (c is '(' or '[')
            {
                depth++;
                kept.Append(' ');
            }
            else if (c is ')' or ']' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>
    /// Without the parts written between quotes that open at the start of a word and close at the end of one: a nickname.
    /// An apostrophe inside a word (O'Brien) opens nothing.
    /// </summary>
    private static string RemoveNicknames(string name)
    {
        foreach (var (open, close) in Quotes)
        {
            for (var start = name.IndexOf(open); start >= 0; start = start + 1 < name.Length ? name.IndexOf(open, start + 1) : -1)
            {
                if (start > 0 && name[start - 1] != ' ')
                {
                    continue;
                }

                var end = name.IndexOf(close, start + 1);
                while (end >= 0 && end + 1 < name.Length && name[end + 1] != ' ' && name[end + 1] != ',')
                {
                    end = end + 1 < name.Length ? name.IndexOf(close, end + 1) : -1;
                }

                if (end > start + 1)
                {
                    name = string.Concat(name.AsSpan(0, start), " ", name.AsSpan(end + 1));
                }
            }
        }

        return name;
    }

    /// <summary>Without emoji, pictographs and other symbols, and without the joiners and selectors emoji are built with.</summary>
    private static string RemoveSymbols(string name)
    {
        var kept = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(name, i);
            var length = char.IsSurrogatePair(name, i) ? 2 : 1;
            var symbol = category is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.MathSymbol
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.EnclosingMark
                || name[i] is '\u200D' or '\uFE0F' or '\uFE0E' or '|' or '•' or '·' or '*' or '#' or '@' or '/' or '\\';
            if (!symbol)
            {
                kept.Append(name, i, length);
            }
            else
            {
                kept.Append(' ');
            }

            i += length - 1;
        }

        return kept.ToString();
    }

    /// <summary>Spaces collapsed, and words with no letter or digit (a lone dash or comma left behind) dropped.</summary>
    private static string Collapse(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>(words.Length);
        foreach (var word in words)
        {
            if (word.Any(char.IsLetterOrDigit))
            {
                kept.Add(word);
            }
            else if (word.Contains(',', StringComparison.Ordinal) && kept.Count > 0)
            {
                kept[^1] += ","; // "Doe , Jane" keeps its comma where the name had it
            }
        }

        return string.Join(' ', kept).Trim(' ', ',');
    }

    private static bool HasLetter(string text) => text.Any(char.IsLetter);
}
