namespace Outreach.Core.Outcomes;

/// <summary>The task (and owner and contact) an inbound message answers, or why none was found.</summary>
public sealed record MatchResult
{
    /// <summary>How it matched (<see cref="MatchMethod.None"/> when unmatched).</summary>
    public required MatchMethod Method { get; init; }

    /// <summary>The owner, when matched.</summary>
    public string? OwnerId { get; init; }

    /// <summary>The contact, when matched.</summary>
    public string? ContactId { get; init; }

    /// <summary>The task answered, when known (a token or open sequence may only know the contact).</summary>
    public string? TaskId { get; init; }

    /// <summary>The message id that matched, for <see cref="MatchMethod.InReplyTo"/>/<see cref="MatchMethod.References"/>/<see cref="MatchMethod.BouncedMessageId"/>.</summary>
    public string? MatchedMessageId { get; init; }

    /// <summary>Why it did not match (<see cref="UnmatchedReason.None"/> when matched).</summary>
    public UnmatchedReason UnmatchedReason { get; init; }

    /// <summary>Whether an owner and contact were found.</summary>
    public bool IsMatched => Method != MatchMethod.None;

    /// <summary>An unmatched result.</summary>
    public static MatchResult Unmatched(UnmatchedReason reason) => new() { Method = MatchMethod.None, UnmatchedReason = reason };
}
