namespace Outreach.Core.Scoring.Training;

/// <summary>Whether a newly trained model may replace the deployed one, and why.</summary>
/// <param name="Deployable">True when every rule passed.</param>
/// <param name="Reasons">One sentence per rule that failed, or a sentence saying why it passed (and one saying why the deployed model was not compared, when it was not).</param>
public sealed record DeploymentDecision(bool Deployable, IReadOnlyList<string> Reasons)
{
    /// <summary>The reasons as one sentence list.</summary>
    public string Reason => string.Join(" ", Reasons);
}
