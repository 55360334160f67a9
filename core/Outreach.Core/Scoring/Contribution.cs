namespace Outreach.Core.Scoring;

/// <summary>
/// How much one feature group moved a prediction, in log-odds relative to the average training outreach
/// (weight × standardised value, summed over the group's columns, scaled by the calibration slope).
/// </summary>
/// <param name="Group">The feature group (see <see cref="Features.FeatureGroups"/>).</param>
/// <param name="Description">What the outreach has, in words, e.g. "You met in person" or "Long message: 350 words".</param>
/// <param name="LogOdds">The contribution; positive raises the chance of a reply.</param>
public sealed record Contribution(string Group, string Description, double LogOdds)
{
    /// <summary>
    /// The smallest contribution named as a reason: ln 1.05, a feature that moves the odds of a reply by 5 %. Below it a
    /// feature changes a 5 % chance by less than a quarter of a point, which no one should act on.
    /// </summary>
    public const double NegligibleLogOdds = 0.04879016416943205;

    /// <summary>The description with its direction, e.g. "Third follow-up (−)".</summary>
    public string Wording => $"{Description} ({(LogOdds >= 0 ? "+" : "−")})";
}
