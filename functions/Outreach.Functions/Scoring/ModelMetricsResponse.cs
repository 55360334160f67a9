using Outreach.Core.Scoring.Evaluation;

namespace Outreach.Functions.Scoring;

/// <summary>
/// The hold-out metrics <c>GET /api/model</c> shows (lift against the 5 % baseline with its Wilson interval); the
/// hold-out counts only for callers who may see them (<see cref="ModelSummaryResponse"/>).
/// </summary>
internal sealed record ModelMetricsResponse(
    double Auc,
    double Auprc,
    double LogLossReductionVsBaseline,
    ModelLiftResponse LiftAt10,
    ModelLiftResponse LiftAt20,
    double Brier,
    int? HoldOutRows,
    int? HoldOutReplies)
{
    public static ModelMetricsResponse Of(ModelMetrics metrics, bool showCounts) => new(
        metrics.AreaUnderRocCurve,
        metrics.AreaUnderPrecisionRecallCurve,
        metrics.LogLossReductionVsBaseline,
        ModelLiftResponse.Of(metrics.LiftAt10, showCounts),
        ModelLiftResponse.Of(metrics.LiftAt20, showCounts),
        metrics.BrierScore,
        showCounts ? metrics.Count : null,
        showCounts ? metrics.Positives : null);
}
