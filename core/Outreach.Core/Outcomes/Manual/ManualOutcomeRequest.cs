namespace Outreach.Core.Outcomes;

/// <summary>An outcome the owner enters by hand (<c>POST /api/outcomes</c>), before validation.</summary>
public sealed record ManualOutcomeRequest
{
    /// <summary>One of <c>replied</c>, <c>meeting_booked</c>, <c>intro_accepted</c>, <c>intro_declined</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The contact.</summary>
    public string? ContactId { get; init; }

    /// <summary>The task it answers, optional; when given it must be the contact's.</summary>
    public string? TaskId { get; init; }

    /// <summary>When it happened (the body's <c>occurredUtc</c>); defaults to now; never in the future.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>A short note (at most <see cref="ManualOutcomeValidator.MaxNoteLength"/> characters).</summary>
    public string? Note { get; init; }
}
