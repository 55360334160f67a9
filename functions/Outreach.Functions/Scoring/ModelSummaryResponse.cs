using Outreach.Core.Scoring.Evaluation;
using Outreach.Storage.Stores.Scoring;

namespace Outreach.Functions.Scoring;

/// <summary>
/// The body of <c>GET /api/model</c>: the deployed model, its origin (<c>prior</c> or <c>trained</c>), its hold-out
/// metrics, the caller's own figures (<see cref="ModelOwnFiguresResponse"/>, <c>yours</c>) and what the last nightly
/// retraining did (<see cref="ModelRetrainingResponse"/>, <c>lastRetraining</c>; null before the first run).
/// </summary>
/// <remarks>
/// A trained model learnt from every owner's outcomes, and its hold-out is the latest sends of whoever sent last, so its
/// figures are other owners' data. Counts (rows, hold-out rows and replies, the rows and replies behind each lift, the
/// reliability table) tell an owner how many outreaches and replies someone else had, and on a small deployment the
/// rates do too: a lift's Wilson interval gives away the rows behind it, and with one or two other owners the rest is
/// a subtraction from the caller's own history. So an owner (or a coach acting for one) sees the rates that judge the
/// model (AUC, AUPRC, gain over 5 %, lift with its interval, Brier) only when the hold-out pools at least
/// <see cref="MinimumOwners"/> owners' sends and no one of them dominates it (<see cref="MaximumDominance"/>), never the
/// counts; an admin sees everything; <see cref="CountsWithheld"/> says what is missing and why. The caller always sees their own figures. The synthetic prior's figures are synthetic and
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
    string? CountsWithheld,
    ModelOwnFiguresResponse Yours,
    ModelRetrainingResponse? LastRetraining)
{
    /// <summary>Fewest owners whose sends a trained model's hold-out must pool for its rates to be shown to an owner.</summary>
    public const int MinimumOwners = 5;

    /// <summary>
    /// The most one owner may dominate a trained model's hold-out (<see cref="Core.Scoring.TrainingDiagnostics.HoldOutDominance"/>) for
    /// its rates to be shown to an owner: five owners of which one sent most of the latest outreaches pool little but
    /// that one's, and the second-largest, subtracting their own, would read mostly theirs.
    /// </summary>
    public const double MaximumDominance = 0.5;

    public const string CountsWithheldReason =
        "The model learnt from every owner's outcomes; its row and reply counts are shown to admins only. Your own figures are under 'yours'.";

    public static readonly string FiguresWithheldReason =
        $"The model was judged on the outreaches of fewer than {MinimumOwners} owners, so its figures would tell you theirs; they are shown to admins only. Your own figures are under 'yours'.";

    public const string DominatedFiguresWithheldReason =
        "The model was judged mostly on one owner's outreaches, so its figures would tell you theirs; they are shown to admins only. Your own figures are under 'yours'.";

    public static ModelSummaryResponse Of(DeployedModel deployed, bool callerIsAdmin, ModelOwnFiguresResponse yours, ModelTrainingRecord? lastRun)
    {
        ArgumentNullException.ThrowIfNull(deployed);
        var model = deployed.Model;
        var origin = ModelLabels.OriginOf(model);
        var showCounts = callerIsAdmin || origin != ModelLabels.Trained;
        // An artifact written before the hold-out's owners were counted (or weighed) is treated as too few (or dominated).
        var enoughOwners = model.Training.HoldOutOwners >= MinimumOwners;
        var undominated = model.Training.HoldOutDominance <= MaximumDominance;
        var showRates = showCounts || (enoughOwners && undominated);
        var metrics = showRates ? model.Metrics : null;
        return new ModelSummaryResponse(
            model.Version,
            model.Id,
            origin,
            model.CreatedAt,
            deployed.Deployment.DeployedUtc,
            showCounts ? model.RowCount : null,
            metrics is null ? null : ModelMetricsResponse.Of(metrics, showCounts),
            showCounts ? metrics?.Reliability ?? [] : null,
            showCounts ? null : showRates ? CountsWithheldReason : enoughOwners ? DominatedFiguresWithheldReason : FiguresWithheldReason,
            yours,
            lastRun is null ? null : ModelRetrainingResponse.Of(lastRun, callerIsAdmin));
    }
}
