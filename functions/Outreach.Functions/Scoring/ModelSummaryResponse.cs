using Outreach.Core.Scoring.Evaluation;
using Outreach.Storage.Stores.Scoring;

namespace Outreach.Functions.Scoring;

/// <summary>
/// The body of <c>GET /api/model</c>: the deployed model, its origin (<c>prior</c> or <c>trained</c>) and hold-out metrics.
/// </summary>
/// <remarks>
/// A trained model learnt from every owner's outcomes, so its counts (rows, hold-out rows and replies, the rows and
/// replies behind each lift, the reliability table's per-bin counts and observed reply rates) are other owners' data:
/// small numbers, or their change from one night to the next, tell an owner how many replies someone else got. Only an
/// admin sees them; an owner sees the rates that judge the model (AUC, AUPRC, gain over 5 %, lift with its interval,
/// Brier) and <see cref="CountsWithheld"/> says why the rest is missing. The synthetic prior's counts are synthetic and
/// shown to everyone.
/// </remarks>
internal sealed record ModelSummaryResponse(
    int Version,
    string Id,
    string Origin,
    DateTimeOffset TrainedUtc,
    DateTimeOffset DeployedUtc,
    int? Rows,
    ModelMetricsResponse? Metrics,
    IReadOnlyList<ReliabilityBin>? Reliability,
    string? CountsWithheld)
{
    public const string WithheldReason = "The model learnt from every owner's outcomes; its row and reply counts are shown to admins only.";

    public static ModelSummaryResponse Of(DeployedModel deployed, bool callerIsAdmin)
    {
        ArgumentNullException.ThrowIfNull(deployed);
        var model = deployed.Model;
        var metrics = model.Metrics;
        var origin = ModelLabels.OriginOf(model);
        var showCounts = callerIsAdmin || origin != ModelLabels.Trained;
        return new ModelSummaryResponse(
            model.Version,
            model.Id,
            origin,
            model.CreatedAt,
            deployed.Deployment.DeployedUtc,
            showCounts ? model.RowCount : null,
            metrics is null ? null : ModelMetricsResponse.Of(metrics, showCounts),
            showCounts ? metrics?.Reliability ?? [] : null,
            showCounts ? null : WithheldReason);
    }
}
