namespace Outreach.Core.Scoring.Features;

/// <summary>The recipient's seniority, parsed from a job title, least senior first.</summary>
public enum Seniority
{
    /// <summary>No title, or one the parser does not recognise (including most non-English titles).</summary>
    Unknown,

    /// <summary>Intern, student, trainee, apprentice.</summary>
    Intern,

    /// <summary>Junior, associate, assistant, entry-level, graduate.</summary>
    Junior,

    /// <summary>An individual contributor: engineer, analyst, consultant, senior or lead.</summary>
    Senior,

    /// <summary>Manager, supervisor, team lead with reports.</summary>
    Manager,

    /// <summary>Director or head of a function.</summary>
    Director,

    /// <summary>Vice president (including SVP and EVP).</summary>
    VicePresident,

    /// <summary>C-level, founder, owner, partner, president.</summary>
    Executive,
}
