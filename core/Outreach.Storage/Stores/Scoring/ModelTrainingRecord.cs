using Outreach.Core.Scoring.Evaluation;

namespace Outreach.Storage.Stores.Scoring;

/// <summary>What one retraining run did, kept as a blob (<c>training/…</c>) so a refused model can be looked into later.</summary>
/// <param name="RunUtc">When the run happened.</param>
/// <param name="Owners">Owners whose history was read.</param>
/// <param name="Rows">Labelled rows assembled.</param>
/// <param name="Replies">Positive labels among them.</param>
/// <param name="Deployed">Whether the candidate replaced the deployed model.</param>
/// <param name="Reason">Why (the deployment gate's reasons, or why no candidate was trained).</param>
/// <param name="CandidateModelId">The candidate's id, or null when too few outcomes to train.</param>
/// <param name="CandidateVersion">The candidate's version, or null.</param>
/// <param name="PreviousModelId">The model deployed before the run, or null.</param>
/// <param name="Metrics">The candidate's hold-out metrics, or null.</param>
public sealed record ModelTrainingRecord(
    DateTimeOffset RunUtc,
    int Owners,
    int Rows,
    int Replies,
    bool Deployed,
    string Reason,
    string? CandidateModelId,
    int? CandidateVersion,
    string? PreviousModelId,
    ModelMetrics? Metrics);
