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

    /// <summary>
    /// <paramref name="current"/> with one send reserved on <paramref name="localDay"/> (counted as <see cref="Add"/>
    /// counts, the last send unchanged), or null when that day's count has already reached <paramref name="dailyCap"/>.
    /// </summary>
    public static SenderActivity? Reserve(SenderActivity current, DateOnly localDay, int dailyCap)
    {
        ArgumentNullException.ThrowIfNull(current);
        var sentThatDay = current.LocalDay == localDay ? current.SentThatDay : 0;
        return sentThatDay >= dailyCap ? null
            : localDay >= current.LocalDay ? current with { LocalDay = localDay, SentThatDay = sentThatDay + 1 }
            : current; // a reservation for a day already past counts nowhere, like a late send
    }

    /// <summary><paramref name="current"/> with a reservation on <paramref name="localDay"/> given back (nothing when the stored day moved on).</summary>
    public static SenderActivity Release(SenderActivity current, DateOnly localDay)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.LocalDay == localDay && current.SentThatDay > 0 ? current with { SentThatDay = current.SentThatDay - 1 } : current;
    }

    /// <summary><paramref name="current"/> with a reserved send that went out at <paramref name="sentUtc"/>: the last send is the later instant, the count stays.</summary>
    public static SenderActivity Sent(SenderActivity current, DateTimeOffset sentUtc)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.LastSentUtc is { } previous && previous >= sentUtc ? current : current with { LastSentUtc = sentUtc };
    }
}
