namespace Outreach.Core.Outcomes;

/// <summary>The result of processing one inbound delivery: what it was, what it answered, and what to do.</summary>
public sealed record InboundProcessingResult
{
    /// <summary>Matched, unmatched or already processed.</summary>
    public required InboundProcessingStatus Status { get; init; }

    /// <summary>The delivery's dedupe key (also every outcome's <see cref="Outcome.DedupeKey"/>).</summary>
    public required string DedupeKey { get; init; }

    /// <summary>Reply, auto-reply or bounce, with evidence; null when already processed.</summary>
    public InboundClassification? Classification { get; init; }

    /// <summary>How it was matched; null when already processed.</summary>
    public MatchResult? Match { get; init; }

    /// <summary>Outcomes to store (idempotently, by dedupe key).</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];

    /// <summary>Actions to carry out.</summary>
    public IReadOnlyList<OutcomeAction> Actions { get; init; } = [];
}
