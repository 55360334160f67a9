namespace Outreach.Core.Planning;

/// <summary>What a sender has already sent: the count on one local day and the last send.</summary>
/// <param name="LocalDay">The sender-local date <paramref name="SentThatDay"/> counts (a count for another day counts as zero today).</param>
/// <param name="SentThatDay">Emails sent (claimed or sent) on that local day.</param>
/// <param name="LastSentUtc">The last send, or null if none.</param>
public sealed record SenderActivity(DateOnly LocalDay, int SentThatDay, DateTimeOffset? LastSentUtc)
{
    /// <summary>A sender who has sent nothing.</summary>
    public static SenderActivity None { get; } = new(DateOnly.MinValue, 0, null);

    /// <summary>
    /// The latest send time the dispatcher has queued for this sender (a visibility delay that may not have run out
    /// yet), or null if it never queued one. Without it, a run a minute after another would space its sends from the
    /// last send only and land them between the sends already waiting in the queue.
    /// </summary>
    public DateTimeOffset? LatestQueuedUtc { get; init; }

    /// <summary>The later of <see cref="LastSentUtc"/> and <see cref="LatestQueuedUtc"/>: the next send keeps its spacing from this.</summary>
    public DateTimeOffset? LatestSendOrQueuedUtc =>
        LastSentUtc is { } sent && LatestQueuedUtc is { } queued ? (sent > queued ? sent : queued) : LastSentUtc ?? LatestQueuedUtc;
}
