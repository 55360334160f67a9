using System.Text.RegularExpressions;

namespace Outreach.Core.Scoring.Features;

/// <summary>
/// Parses seniority from a free-text job title. The most senior signal wins ("Senior Director" is a director,
/// "Co-founder &amp; CTO" an executive), because reply behaviour follows the recipient's load and selectivity
/// (Kooti et al. 2015; Milkman et al. 2012), which grows with rank. Titles with no English keyword are
/// <see cref="Seniority.Unknown"/> rather than guessed.
/// </summary>
public static partial class SeniorityParser
{
    // Checked in this order: rank words first (most senior wins), then the junior markers, which must beat the
    // generic role words ("Junior Engineer" is junior, not a senior individual contributor).
    private static readonly (Func<Regex> Pattern, Seniority Level)[] Rules =
    [
        (Executive, Seniority.Executive),
        (VicePresident, Seniority.VicePresident),
        (Director, Seniority.Director),
        (Manager, Seniority.Manager),
        (Intern, Seniority.Intern),
        (Junior, Seniority.Junior),
        (Senior, Seniority.Senior),
    ];

    /// <summary>Parses a title; <see cref="Seniority.Unknown"/> for empty or unrecognised text.</summary>
    public static Seniority Parse(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return Seniority.Unknown;
        }

        foreach (var (pattern, level) in Rules)
        {
            if (pattern().IsMatch(title))
            {
                return level;
            }
        }

        return Seniority.Unknown;
    }

    // "Chief ... Officer", CxO abbreviations, founders, owners, partners and presidents (but not vice presidents).
    [GeneratedRegex(@"\b(chief\b|c[a-z]o\b|founder|co-?founder|(?<!product )owner\b|(managing |general |senior )?partner\b|(?<!vice[ -])president\b|managing director)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Executive();

    [GeneratedRegex(@"\b(vp\b|v\.p\.|vice[ -]president|svp\b|evp\b|avp\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VicePresident();

    [GeneratedRegex(@"\b(director|head of|head,|\bhead\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Director();

    [GeneratedRegex(@"\b(manager|mgr\b|supervisor|team lead)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Manager();

    [GeneratedRegex(@"\b(intern\b|internship|student|trainee|apprentice)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Intern();

    [GeneratedRegex(@"\b(junior|jr\b|jr\.|associate|assistant|entry[ -]level|graduate)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Junior();

    [GeneratedRegex(@"\b(senior|sr\b|sr\.|lead\b|staff\b|product owner|engineer|developer|analyst|consultant|specialist|scientist|designer|architect|recruiter|officer|advisor|adviser|coordinator|representative|accountant|editor|writer|researcher|professor|lecturer|producer|strategist)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Senior();
}
