namespace Outreach.Core.Planning;

/// <summary>The one rule for adding a send to a <see cref="SenderActivity"/>, shared by every store.</summary>
public static class SenderActivityCounting
{
    /// <summary>
    /// <paramref name="current"/> plus one send: the count continues on the same local day and restarts at one on a new
    /// day (a send recorded late for an earlier day does not reset a later day); the last send is the later instant.
    /// The latest queued send time is kept.
    /// </summary>
    public static SenderActivity Add(SenderActivity current, DateOnly localDay, DateTimeOffset sentUtc)
    {
        ArgumentNullException.ThrowIfNull(current);
        var last = current.LastSentUtc is { } previous && previous > sentUtc ? previous : sentUtc;
        return localDay == current.LocalDay ? current with { SentThatDay = current.SentThatDay + 1, LastSentUtc = last }
            : localDay > current.LocalDay ? current with { LocalDay = localDay, SentThatDay = 1, LastSentUtc = last }
            : current with { LastSentUtc = last };
    }

    /// <summary>
    /// <paramref name="current"/> with a send queued for <paramref name="sendAtUtc"/>: the latest queued send time is the
    /// later instant, so a run that records an earlier slot after a later one (or records it twice) changes nothing.
    /// </summary>
    public static SenderActivity Queue(SenderActivity current, DateTimeOffset sendAtUtc)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.LatestQueuedUtc is { } previous && previous >= sendAtUtc ? current : current with { LatestQueuedUtc = sendAtUtc };
    }
}
