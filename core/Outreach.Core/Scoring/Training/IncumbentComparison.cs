using Outreach.Core.Scoring.Evaluation;

namespace Outreach.Core.Scoring.Training;

/// <summary>
/// The candidate and the deployed model judged on the candidate's hold-out rows sent after the deployed model's
/// training window: rows neither model was fitted, calibrated or judged on. The rest of the hold-out is left out
/// because the deployed model was trained or judged on it (each night's history mostly overlaps the last).
/// </summary>
/// <param name="DeployedTrainedThrough">The latest send time among the deployed model's rows (its training cut-off).</param>
/// <param name="Rows">Hold-out rows sent after that cut-off.</param>
/// <param name="Replies">Replies among them.</param>
/// <param name="Candidate">The candidate's metrics on those rows; null when there are none.</param>
/// <param name="Deployed">The deployed model's metrics on those rows; null when there are none.</param>
public sealed record IncumbentComparison(DateTimeOffset DeployedTrainedThrough, int Rows, int Replies, ModelMetrics? Candidate, ModelMetrics? Deployed);
