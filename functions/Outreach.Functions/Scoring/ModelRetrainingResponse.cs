using Outreach.Storage.Stores.Scoring;

namespace Outreach.Functions.Scoring;

/// <summary>
/// The <c>lastRetraining</c> part of <c>GET /api/model</c>: when the nightly retraining last ran, whether it deployed a
/// model, and why (not). An admin reads the run's own reason, with the pooled counts and figures it cites; anyone else
/// reads what happened in words that cite none of them (<see cref="ModelSummaryResponse"/> says why).
/// </summary>
/// <param name="RunUtc">When the run happened.</param>
/// <param name="Deployed">Whether it deployed the model it trained.</param>
/// <param name="Reason">Why it did, or why the model deployed before it stays.</param>
internal sealed record ModelRetrainingResponse(DateTimeOffset RunUtc, bool Deployed, string Reason)
{
    public const string DeployedReason = "The model trained on the latest outcomes passed its checks on sends it never learnt from and now ranks the queue.";

    public const string TooFewOutcomesReason =
        "Not enough outcomes yet to train a model on: it needs at least 20 replies and 20 non-replies among sends whose 14 days for a reply are over. The current model stays.";

    public const string RefusedReason =
        "The model trained on the latest outcomes did not do better than the 5 % baseline, or than the current model, on sends it never learnt from. The current model stays.";

    public static ModelRetrainingResponse Of(ModelTrainingRecord record, bool callerIsAdmin)
    {
        ArgumentNullException.ThrowIfNull(record);
        var reason = callerIsAdmin ? record.Reason
            : record.Deployed ? DeployedReason
            : record.CandidateModelId is null ? TooFewOutcomesReason
            : RefusedReason;
        return new ModelRetrainingResponse(record.RunUtc, record.Deployed, reason);
    }
}
