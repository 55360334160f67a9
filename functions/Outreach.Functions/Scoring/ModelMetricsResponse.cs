using Outreach.Core.Scoring.Evaluation;

namespace Outreach.Functions.Scoring;

/// <summary>The hold-out metrics <c>GET /api/model</c> shows (lift against the 5 % baseline with its Wilson interval).</summary>
internal sealed record ModelMetricsResponse(
    double Auc,
    double Auprc,
    double LogLossReductionVsBaseline,
    LiftAtFraction LiftAt10,
    LiftAtFraction LiftAt20,
    double Brier,
    int HoldOutRows,
    int HoldOutReplies)
{
    public static ModelMetricsResponse Of(ModelMetrics metrics) => new(
        metrics.AreaUnderRocCurve,
        metrics.AreaUnderPrecisionRecallCurve,
        metrics.LogLossReductionVsBaseline,
        metrics.LiftAt10,
        metrics.LiftAt20,
        metrics.BrierScore,
        metrics.Count,
        metrics.Positives);
}
