using Outreach.Core.Analytics;
using System.Globalization;
using Outreach.Core.Scoring.Evaluation;

namespace Outreach.Core.Scoring.Training;

/// <summary>
/// Decides whether a newly trained model may be deployed. Its hold-out (the latest sends) must hold replies and
/// non-replies, and the model must, on the hold-out:
/// (1) have converged; (2) beat the fixed 5 % baseline on log-loss; (3) beat a constant prediction of the hold-out
/// reply rate (ML.NET's LogLossReduction &gt; 0), so that a model which only learnt a different base rate is refused;
/// (4) rank better than chance (AUC's 95 % lower bound above 0.5); and (5) when a deployed model is given, not be
/// worse than it on the hold-out rows sent after the deployed model's training window (<see cref="IncumbentComparison"/>),
/// the only rows neither model has seen. When those rows hold fewer than <see cref="MinimumComparisonPerClass"/>
/// replies or non-replies, rule (5) is not applied and the reason says so: judging the deployed model on rows it was
/// trained on favours it and would refuse nearly every candidate. Otherwise the previous model stays.
/// </summary>
public sealed record DeploymentGate
{
    /// <summary>Whether a fit that did not converge is refused. Default true.</summary>
    public bool RequireConvergence { get; init; } = true;

    /// <summary>Whether a deployed model, when given, must not be beaten. Default true.</summary>
    public bool RequireNotWorseThanCurrent { get; init; } = true;

    /// <summary>How much worse (bits of log-loss per row) than the deployed model still counts as not worse. Default 0.</summary>
    public double CurrentModelTolerance { get; init; }

    /// <summary>
    /// Fewest replies, and fewest non-replies, among the rows the deployed model never saw for the two models to be
    /// compared. Default 20, as <see cref="TrainingOptions.MinimumPerClass"/>.
    /// </summary>
    public int MinimumComparisonPerClass { get; init; } = 20;

    /// <summary>Applies the rules.</summary>
    /// <param name="candidate">The candidate's metrics on its whole hold-out.</param>
    /// <param name="converged">Whether its fit converged.</param>
    /// <param name="comparison">Both models on the hold-out rows the deployed model never saw, when one is deployed.</param>
    public DeploymentDecision Decide(ModelMetrics candidate, bool converged, IncumbentComparison? comparison = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (double.IsNaN(candidate.AreaUnderRocCurve))
        {
            // The AUC is undefined when the hold-out has one class only; every rule below would compare NaNs, so say
            // what is missing instead.
            return new DeploymentDecision(false, [
                $"The hold-out (the latest {candidate.Count} sends) has {(candidate.Positives == 0 ? "no replies" : "only replies")}: a model cannot be judged on it until later sends have both replies and non-replies."]);
        }

        var failures = new List<string>();
        if (RequireConvergence && !converged)
        {
            failures.Add("Training did not converge (gradient norm above tolerance when the evaluation budget ran out).");
        }

        if (!(candidate.LogLoss < candidate.BaselineLogLoss))
        {
            failures.Add($"Hold-out log-loss {F(candidate.LogLoss)} bits does not beat the fixed 5 % baseline's {F(candidate.BaselineLogLoss)} bits.");
        }

        if (!(candidate.LogLossReduction > 0))
        {
            failures.Add($"Log-loss reduction against the hold-out reply rate is {F(candidate.LogLossReduction)}: the model predicts no better than that constant rate.");
        }

        var aucLower = candidate.AreaUnderRocCurve - (WilsonInterval.Z95 * candidate.AreaUnderRocCurveStandardError);
        if (!(aucLower > 0.5))
        {
            failures.Add($"AUC {F(candidate.AreaUnderRocCurve)} (95 % lower bound {F(aucLower)}) does not rank replies better than chance.");
        }

        string? notCompared = null;
        if (RequireNotWorseThanCurrent && comparison is not null)
        {
            if (comparison is { Candidate: { } mine, Deployed: { } theirs } && IsLargeEnough(comparison))
            {
                if (!(mine.LogLoss <= theirs.LogLoss + CurrentModelTolerance))
                {
                    failures.Add($"Log-loss {F(mine.LogLoss)} bits is worse than the deployed model's {F(theirs.LogLoss)} bits on the {comparison.Rows} hold-out rows sent after its training rows.");
                }
            }
            else
            {
                notCompared = $"Not compared with the deployed model: {comparison.Rows} hold-out rows ({comparison.Replies} replies) were sent after its training rows, fewer than the {MinimumComparisonPerClass} replies and non-replies a fair comparison on rows it never saw needs.";
            }
        }

        if (failures.Count > 0)
        {
            return new DeploymentDecision(false, failures);
        }

        var passed = $"Hold-out log-loss {F(candidate.LogLoss)} bits beats the 5 % baseline's {F(candidate.BaselineLogLoss)} bits (RIG {F(candidate.LogLossReductionVsBaseline)}), AUC {F(candidate.AreaUnderRocCurve)}.";
        return new DeploymentDecision(true, notCompared is null ? [passed] : [passed, notCompared]);
    }

    private bool IsLargeEnough(IncumbentComparison comparison) =>
        comparison.Replies >= MinimumComparisonPerClass && comparison.Rows - comparison.Replies >= MinimumComparisonPerClass;

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
