namespace Outreach.Core.Outcomes;

/// <summary>
/// Something that happened after an outreach. Outcomes stop sequences (<see cref="StopsSequence"/>) and
/// become training labels (<see cref="OutcomeLabeler"/>). <see cref="DedupeKey"/> makes recording idempotent.
/// </summary>
public sealed record Outcome
{
    /// <summary>The owner.</summary>
    public required string OwnerId { get; init; }

    /// <summary>The contact.</summary>
    public required string ContactId { get; init; }

    /// <summary>The task the outcome answers, when known.</summary>
    public string? TaskId { get; init; }

    /// <summary>What happened.</summary>
    public required OutcomeType Type { get; init; }

    /// <summary>Hard, soft or a policy refusal, for <see cref="OutcomeType.Bounced"/> only.</summary>
    public BounceSeverity? BounceSeverity { get; init; }

    /// <summary>When it happened (receive time for inbound mail; the owner's stated time for manual outcomes).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Where it was learned.</summary>
    public required OutcomeSource Source { get; init; }

    /// <summary>Identifies the event so a repeat delivery records nothing new.</summary>
    public required string DedupeKey { get; init; }

    /// <summary>The owner's note on a manual outcome (personal data: erased with the contact).</summary>
    public string? Note { get; init; }

    /// <summary>Whether the contact's pending steps stop: any human response, a hard bounce, an unsubscribe.</summary>
    public bool StopsSequence => IsResponse(Type) || Type == OutcomeType.Unsubscribed
        || (Type == OutcomeType.Bounced && BounceSeverity == Outcomes.BounceSeverity.Hard);

    /// <summary>Whether the type is a human response (the positive training label).</summary>
    public static bool IsResponse(OutcomeType type) =>
        type is OutcomeType.Replied or OutcomeType.MeetingBooked or OutcomeType.IntroAccepted or OutcomeType.IntroDeclined;
}
