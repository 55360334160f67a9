using System.Collections.Frozen;
using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// Splits a name written in one cell into first and last name, so that a note greets the person by the name they go
/// by. "Ada Lovelace" splits at its last space; "Lovelace, Ada" (as Outlook's File As and many sheets write it) is last
/// name, comma, first name. Around that: a generational suffix or a credential ("Jane Doe, MBA", "Doe, Jane, Ph.D.",
/// "John Smith Jr.") and an honorific before the name ("Dr.", "Ms") are no part of either, and are handed back on
/// their own instead of greeting "Dear Dr. Jane"; a surname particle stays with the surname ("Jane van der Berg");
/// a middle initial is left out of the first name ("Jane Q. Public"); a name written wholly in capitals is written as
/// a name ("JANE DOE" becomes "Jane Doe"); and quotes, nicknames, brackets and emoji around the name are taken out
/// (<see cref="PersonNameTidier"/>).
/// </summary>
internal static class FullNameSplitter
{
    /// <summary>Suffixes and credentials written after a name, folded (letters only, lower case): "Ph.D." is phd.</summary>
    private static readonly FrozenSet<string> Suffixes = new[]
    {
        "jr", "sr", "ii", "iii", "iv", "phd", "mba", "md", "dds", "dmd", "dvm", "esq", "cpa", "cfa", "cfp", "pe", "pmp",
        "rn", "jd", "llm", "mph", "msc", "ms", "ma", "mfa", "med", "edd", "psyd", "bsc", "ba", "bs", "beng", "meng",
        "frcs", "mrcp", "shrmcp", "shrmscp", "sphr", "phr", "cissp", "lcsw",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Suffixes that are also names people have ("Ma" and "Ba" are family names, "Meng" and "Beng" given names, "Md" is
    /// how Bangladesh writes Mohammad): a credential only when written as one, in capitals or with dots ("MA", "M.A.",
    /// "BEng"), never in a name written wholly in capitals.
    /// </summary>
    private static readonly FrozenSet<string> NameLikeSuffixes = new[] { "ma", "ba", "pe", "md", "meng", "beng" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Honorifics written before a name, folded: "Dr." is dr.</summary>
    private static readonly FrozenSet<string> Honorifics = new[]
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "rev", "revd",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Particles that begin a surname ("van der Berg", "de la Cruz", "da Silva"), as written in lower case.</summary>
    private static readonly FrozenSet<string> Particles = new[]
    {
        "van", "von", "der", "den", "de", "del", "della", "dela", "di", "da", "do", "dos", "das", "du", "la", "le", "los",
        "ter", "ten", "zu", "bin", "binti", "ibn", "al", "el",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What a name's edges lose: spaces, and a comma a part taken out left behind ("Cher,").</summary>
    private static readonly char[] NameEdges = [' ', ','];

    /// <summary>Splits <paramref name="fullName"/> (cleaned, not empty).</summary>
    /// <returns>
    /// The first name, the last name (null for a single word), and the honorific and suffixes around the name as written
    /// ("Dr." and "PhD" of "Dr. Jane Doe PhD"), or null.
    /// </returns>
    public static (string? First, string? Last, string? Suffix) Split(string fullName)
    {
        var name = PersonNameTidier.Tidy(fullName).Trim(NameEdges);
        if (name.Length == 0)
        {
            return (fullName, null, null);
        }

        var capitals = NameCase.IsWhollyCapitals(name);

        // Peel suffixes off the end, one comma-separated part at a time, keeping at least one part for the name.
        string? suffix = null;
        for (var comma = name.LastIndexOf(','); comma > 0; comma = name.LastIndexOf(','))
        {
            var part = name[(comma + 1)..].Trim();
            if (!IsSuffix(part, capitals) || name[..comma].Trim().Length == 0)
            {
                break;
            }

            suffix = Join(part, suffix);
            name = name[..comma].Trim();
        }

        var (first, last, around) = SplitName(name, capitals);
        suffix = around.Prefix is null ? Join(around.Suffix, suffix) : Join(around.Prefix, Join(around.Suffix, suffix));
        return capitals ? (NameCase.Capitalise(first), NameCase.Capitalise(last), suffix) : (first, last, suffix);
    }

    /// <summary>
    /// A first name as a first-name column holds it (LinkedIn's <c>First Name</c>, a sheet's), tidied as a full name's
    /// given names are: "Dr. Jane" is Jane, "Jane 🚀" and "Jane (JJ)" are Jane, "Jane Q." is Jane; "Mary Ann" stays.
    /// </summary>
    public static string GivenName(string firstName)
    {
        if (CsvText.StartsLikeFormula(firstName))
        {
            return firstName; // kept as the text it is (PersonNameTidier)
        }

        var name = PersonNameTidier.Tidy(firstName);
        if (name.IndexOf(' ') < 0)
        {
            return name; // one word: no honorific or initial to take off it
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return FirstName(words[HonorificCount(words, words.Length - 1)..]);
    }

    /// <summary>
    /// A last name as a last-name column holds it, tidied as a full name's is: "Doe, MBA", "Doe PhD", "Doe 🌍" and
    /// "Doe (she/her)" are Doe, as LinkedIn members often write theirs.
    /// </summary>
    public static string FamilyName(string lastName)
    {
        if (CsvText.StartsLikeFormula(lastName))
        {
            return lastName; // kept as the text it is (PersonNameTidier)
        }

        var name = PersonNameTidier.Tidy(lastName);
        if (name.AsSpan().IndexOfAny(' ', ',') < 0)
        {
            return name; // one word, nothing around it: most last names, read with no allocation
        }

        name = name.Trim(NameEdges);
        if (name.Length == 0)
        {
            return lastName;
        }

        var capitals = NameCase.IsWhollyCapitals(name);
        for (var comma = name.LastIndexOf(','); comma > 0 && IsSuffix(name[(comma + 1)..].Trim(), capitals); comma = name.LastIndexOf(','))
        {
            name = name[..comma].Trim();
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var end = words.Length;
        while (end > 1 && IsSuffixWord(words[end - 1], capitals))
        {
            end--;
        }

        return string.Join(' ', words[..end]);
    }

    private static (string? First, string? Last, (string? Prefix, string? Suffix) Around) SplitName(string name, bool capitals)
    {
        var comma = name.IndexOf(',');
        if (comma > 0 && comma == name.LastIndexOf(',') && name[(comma + 1)..].Trim() is { Length: > 0 } given)
        {
            var givenWords = given.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var prefix = HonorificCount(givenWords, givenWords.Length - 1);
            return (FirstName(givenWords[prefix..]), name[..comma].Trim(), (Words(givenWords[..prefix]), null));
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // Suffixes written without a comma ("John Smith Jr.", "Jane Doe PhD"), then honorifics; one word is always left.
        var end = words.Length;
        while (end > 1 && IsSuffixWord(words[end - 1], capitals))
        {
            end--;
        }

        var start = HonorificCount(words, end - 1);
        var around = (Words(words[..start]), Words(words[end..]));
        var rest = words[start..end];
        if (rest.Length == 1)
        {
            // "Dr. Okafor" is a family name: greeting "Dear Okafor" would be wrong, and no first name is better.
            return start > 0 ? (null, rest[0], around) : (rest[0], null, around);
        }

        var lastStart = rest.Length - 1;
        var particles = 0;
        while (lastStart > 1 && Particles.Contains(rest[lastStart - 1].ToLowerInvariant()))
        {
            lastStart--;
            particles++;
        }

        // A run of capitalised particles counts only when it is two or more ("Van Der Berg"): one alone ("Van") is as often a given name.
        if (particles == 1 && !IsLowerCase(rest[lastStart]))
        {
            lastStart++;
        }

        return (FirstName(rest[..lastStart]), string.Join(' ', rest[lastStart..]), around);
    }

    /// <summary>The given names without the middle initials after the first one ("Jane Q." is Jane; "J. Robert" stays).</summary>
    private static string FirstName(string[] given)
    {
        if (given.Length > 1 && !IsInitial(given[0]))
        {
            var kept = given.Where((word, i) => i == 0 || !IsInitial(word)).ToArray();
            return string.Join(' ', kept);
        }

        return string.Join(' ', given);
    }

    private static bool IsInitial(string word) =>
        (word.Length == 1 && char.IsLetter(word[0])) || (word.Length == 2 && char.IsLetter(word[0]) && word[1] == '.');

    /// <summary>How many of <paramref name="words"/> at the start are honorifics, at most <paramref name="most"/> (so a name is left).</summary>
    private static int HonorificCount(string[] words, int most)
    {
        var count = 0;
        while (count < most && Honorifics.Contains(Fold(words[count])))
        {
            count++;
        }

        return count;
    }

    private static bool IsLowerCase(string word) => !word.Any(char.IsUpper);

    /// <summary>Whether every word of <paramref name="part"/> is a suffix or credential (dots and case aside).</summary>
    private static bool IsSuffix(string part, bool capitals)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.All(word => IsSuffixWord(word, capitals));
    }

    private static bool IsSuffixWord(string word, bool capitals)
    {
        var folded = Fold(word);
        if (!Suffixes.Contains(folded))
        {
            return false;
        }

        if (!NameLikeSuffixes.Contains(folded))
        {
            return true;
        }

        // "Jane Doe, MA" and "Jane Doe M.A." are credentials; "Wang, Ma", "Tan Chee Beng" and "WANG MENG" are names.
        return !capitals && (word.Contains('.', StringComparison.Ordinal) || word.Count(char.IsUpper) >= 2);
    }

    private static string Fold(string word) => new([.. word.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]);

    private static string? Words(string[] words) => words.Length == 0 ? null : string.Join(' ', words);

    private static string? Join(string? first, string? then) => first is null ? then : then is null ? first : first + ", " + then;
}
