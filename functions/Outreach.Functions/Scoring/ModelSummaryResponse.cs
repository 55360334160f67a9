using Outreach.Core.Scoring.Evaluation;
using Outreach.Storage.Stores.Scoring;

namespace Outreach.Functions.Scoring;

/// <summary>The body of <c>GET /api/model</c>: the deployed model, its origin (<c>prior</c> or <c>trained</c>) and hold-out metrics.</summary>
internal sealed record ModelSummaryResponse(
    int Version,
    string Id,
    string Origin,
    DateTimeOffset TrainedUtc,
    DateTimeOffset DeployedUtc,
    int Rows,
    ModelMetricsResponse? Metrics,
    IReadOnlyList<ReliabilityBin> Reliability)
{
    public static ModelSummaryResponse Of(DeployedModel deployed)
    {
        ArgumentNullException.ThrowIfNull(deployed);
        var model = deployed.Model;
        var metrics = model.Metrics;
        return new ModelSummaryResponse(
            model.Version,
            model.Id,
            ModelLabels.OriginOf(model),
            model.CreatedAt,
            deployed.Deployment.DeployedUtc,
            model.RowCount,
            metrics is null ? null : ModelMetricsResponse.Of(metrics),
            metrics?.Reliability ?? []);
    }
}
