using System.Collections.Frozen;

namespace Outreach.Core.Imports;

/// <summary>
/// Splits a name written in one cell into first and last name. "Ada Lovelace" splits at its last space; "Lovelace,
/// Ada" (as Outlook's File As and many sheets write it) is last name, comma, first name; a generational suffix or a
/// credential after a comma ("Jane Doe, MBA", "Doe, Jane, Ph.D.") is no part of either, and is handed back on its own
/// instead of greeting "Dear Doe,".
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

    /// <summary>Splits <paramref name="fullName"/> (cleaned, not empty).</summary>
    /// <returns>The first name, the last name (null for a single word), and the suffixes after the name as written, or null.</returns>
    public static (string? First, string? Last, string? Suffix) Split(string fullName)
    {
        // Peel suffixes off the end, one comma-separated part at a time, keeping at least one part for the name.
        var name = fullName;
        string? suffix = null;
        for (var comma = name.LastIndexOf(','); comma > 0; comma = name.LastIndexOf(','))
        {
            var part = name[(comma + 1)..].Trim();
            if (!IsSuffix(part) || name[..comma].Trim().Length == 0)
            {
                break;
            }

            suffix = suffix is null ? part : part + ", " + suffix;
            name = name[..comma].Trim();
        }

        var (first, last) = SplitName(name);
        return (first, last, suffix);
    }

    private static (string? First, string? Last) SplitName(string name)
    {
        var comma = name.IndexOf(',');
        if (comma > 0 && comma == name.LastIndexOf(',') && name[(comma + 1)..].Trim() is { Length: > 0 } given)
        {
            return (given, name[..comma].Trim());
        }

        var space = name.LastIndexOf(' ');
        return space < 0 ? (name, null) : (name[..space], name[(space + 1)..]);
    }

    /// <summary>Whether every word of <paramref name="part"/> is a suffix or credential (dots and case aside).</summary>
    private static bool IsSuffix(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        foreach (var word in words)
        {
            var folded = new string([.. word.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]);
            if (!Suffixes.Contains(folded))
            {
                return false;
            }
        }

        return true;
    }
}
