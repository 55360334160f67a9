using Outreach.Core.Scoring;
using Outreach.Core.Scoring.Evaluation;
using Outreach.Core.Scoring.History;

namespace Outreach.Functions.Scoring;

/// <summary>
/// The <c>yours</c> part of <c>GET /api/model</c>: how the deployed model ranked the caller's own outreaches that it never
/// learnt from (sent after its <see cref="TrainingDiagnostics.FittedThrough"/>, every one for the prior), whose 14-day
/// outcome windows have closed. Only the caller's own sends and replies go into it, so every figure, counts included,
/// is shown to them whatever the deployment's size.
/// </summary>
/// <param name="Since">Outreaches sent after this instant count; null when all do (the prior learnt from none of them).</param>
/// <param name="Rows">The caller's outreaches counted.</param>
/// <param name="Replies">Replies among them.</param>
/// <param name="ReplyRate">Replies / Rows; null without rows.</param>
/// <param name="Auc">How well the scores ranked their replies above their non-replies; null until there are both.</param>
/// <param name="LiftAt10">The top-scored 10 % against 5 %; null without rows.</param>
/// <param name="LiftAt20">The top-scored 20 % against 5 %; null without rows.</param>
internal sealed record ModelOwnFiguresResponse(
    DateTimeOffset? Since,
    int Rows,
    int Replies,
    double? ReplyRate,
    double? Auc,
    ModelLiftResponse? LiftAt10,
    ModelLiftResponse? LiftAt20)
{
    /// <summary>The rows of <paramref name="history"/> that <paramref name="model"/> never learnt from.</summary>
    public static ModelOwnFiguresResponse Of(ResponseModel model, IReadOnlyList<HistoryRow> history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(history);
        var since = SinceOf(model);
        var unseen = since is { } after ? [.. history.Where(r => r.Features.SentAt > after)] : history;
        if (unseen.Count == 0)
        {
            return new ModelOwnFiguresResponse(since, 0, 0, null, null, null, null);
        }

        var metrics = ModelEvaluator.Evaluate(model, unseen, cancellationToken);
        return new ModelOwnFiguresResponse(
            since,
            metrics.Count,
            metrics.Positives,
            metrics.Prevalence,
            double.IsNaN(metrics.AreaUnderRocCurve) ? null : metrics.AreaUnderRocCurve,
            ModelLiftResponse.Of(metrics.LiftAt10, showCounts: true),
            ModelLiftResponse.Of(metrics.LiftAt20, showCounts: true));
    }

    /// <summary>
    /// The latest send a trained model learnt from (its fitted rows; for an artifact older than that record, its whole
    /// training window, which also holds the hold-out it was judged on); null for the prior, which learnt from none.
    /// </summary>
    private static DateTimeOffset? SinceOf(ResponseModel model) =>
        ModelLabels.OriginOf(model) == ModelLabels.Trained ? model.Training.FittedThrough ?? model.TrainingWindow.To : null;
}
