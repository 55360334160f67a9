using Outreach.Core.Analytics;
using System.Globalization;
using Outreach.Core.Scoring.Evaluation;

namespace Outreach.Core.Scoring.Training;

/// <summary>
/// Decides whether a newly trained model may be deployed. It must, on the hold-out:
/// (1) have converged; (2) beat the fixed 5 % baseline on log-loss; (3) beat a constant prediction of the hold-out
/// reply rate (ML.NET's LogLossReduction &gt; 0), so that a model which only learnt a different base rate is refused;
/// (4) rank better than chance (AUC's 95 % lower bound above 0.5); and (5) when a deployed model is given, not be
/// worse than it on the same rows. Otherwise the previous model stays.
/// </summary>
public sealed record DeploymentGate
{
    /// <summary>Whether a fit that did not converge is refused. Default true.</summary>
    public bool RequireConvergence { get; init; } = true;

    /// <summary>Whether a deployed model, when given, must not be beaten. Default true.</summary>
    public bool RequireNotWorseThanCurrent { get; init; } = true;

    /// <summary>How much worse (bits of log-loss per row) than the deployed model still counts as not worse. Default 0.</summary>
    public double CurrentModelTolerance { get; init; }

    /// <summary>Applies the rules.</summary>
    public DeploymentDecision Decide(ModelMetrics candidate, bool converged, ModelMetrics? current = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
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

        if (RequireNotWorseThanCurrent && current is not null && !(candidate.LogLoss <= current.LogLoss + CurrentModelTolerance))
        {
            failures.Add($"Hold-out log-loss {F(candidate.LogLoss)} bits is worse than the deployed model's {F(current.LogLoss)} bits on the same rows.");
        }

        return failures.Count > 0
            ? new DeploymentDecision(false, failures)
            : new DeploymentDecision(true, [$"Hold-out log-loss {F(candidate.LogLoss)} bits beats the 5 % baseline's {F(candidate.BaselineLogLoss)} bits (RIG {F(candidate.LogLossReductionVsBaseline)}), AUC {F(candidate.AreaUnderRocCurve)}."]);
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
