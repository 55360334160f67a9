namespace Outreach.Core.Contacts;

/// <summary>
/// Writes a name typed wholly in capitals (a form filled in with caps lock, a badge scanner's export) as a name:
/// "JANE O'BRIEN-SMITH" becomes "Jane O'Brien-Smith", so a note does not open "Hi JANE,". A short word without a vowel
/// ("JJ", "TJ") is initials and keeps its capitals, unless a full stop ends it ("DR.", "JR.": a title). The import writes
/// names so as it reads them, and templates print a name stored in capitals before that so.
/// </summary>
internal static class NameCase
{
    private static readonly System.Buffers.SearchValues<char> Vowels = System.Buffers.SearchValues.Create("AEIOUYÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝ");

    /// <summary>
    /// Whether the parts of a name (<paramref name="first"/> and <paramref name="last"/>, either may be null) have no
    /// lower-case letter and at least two capitals between them, so the name was written in capitals rather than as a
    /// name. A mixed-case name ("Jean DUPONT", where capitals mark the family name), or one in a script without case,
    /// is kept as its owner wrote it.
    /// </summary>
    public static bool IsWhollyCapitals(string? first, string? last = null)
    {
        if ((first ?? string.Empty).AsSpan().IndexOfAnyInRange('a', 'z') >= 0 || (last ?? string.Empty).AsSpan().IndexOfAnyInRange('a', 'z') >= 0)
        {
            return false; // the common case, answered without looking at every character
        }

        var capitals = 0;
        foreach (var c in string.Concat(first, last))
        {
            if (char.IsLower(c))
            {
                return false;
            }

            capitals += char.IsUpper(c) ? 1 : 0;
        }

        return capitals >= 2;
    }

    /// <summary><paramref name="name"/> with each word's first letter (and each letter after a hyphen or apostrophe) a capital and the rest small.</summary>
    public static string? Capitalise(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return name;
        }

        var chars = name.ToCharArray();
        var start = 0;
        for (var i = 0; i <= chars.Length; i++)
        {
            if (i == chars.Length || chars[i] == ' ')
            {
                CapitaliseWord(chars.AsSpan(start, i - start));
                start = i + 1;
            }
        }

        return new string(chars);
    }

    private static void CapitaliseWord(Span<char> word)
    {
        if (word.IndexOfAny(Vowels) < 0 && word.Length <= 3 && !word.EndsWith('.'))
        {
            return; // initials
        }

        var atStart = true;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsLetter(c))
            {
                word[i] = atStart ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
                atStart = false;
            }
            else
            {
                // "O'BRIEN" is O'Brien and "MARY-JANE" Mary-Jane; after a dot ("J.R.") a letter is another initial.
                atStart = c is '-' or '\'' or '’' or '.';
            }
        }
    }
}
