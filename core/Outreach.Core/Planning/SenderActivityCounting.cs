namespace Outreach.Core.Planning;

/// <summary>The one rule for adding a send to a <see cref="SenderActivity"/>, shared by every store.</summary>
public static class SenderActivityCounting
{
    /// <summary>
    /// <paramref name="current"/> plus one send: the count continues on the same local day and restarts at one on a new
    /// day (a send recorded late for an earlier day does not reset a later day); the last send is the later instant.
    /// </summary>
    public static SenderActivity Add(SenderActivity current, DateOnly localDay, DateTimeOffset sentUtc)
    {
        ArgumentNullException.ThrowIfNull(current);
        var last = current.LastSentUtc is { } previous && previous > sentUtc ? previous : sentUtc;
        return localDay == current.LocalDay ? current with { SentThatDay = current.SentThatDay + 1, LastSentUtc = last }
            : localDay > current.LocalDay ? new SenderActivity(localDay, 1, last)
            : current with { LastSentUtc = last };
    }
}
