using System.Globalization;

namespace Outreach.Core.Analytics.Counters;

/// <summary>
/// The counters a cell can hold. Counts credited to the meeting day (met, followed up, replied contacts) are
/// kept on owner, cohort and event cells; counts credited to the send day (sent, replied, model bins) on every
/// kind. All are whole numbers so increments commute and a store can add them without reading doubles.
/// </summary>
public static class CounterNames
{
    /// <summary>Contact meetings on this day.</summary>
    public const string Met = "met";

    /// <summary>Contact meetings on this day that got an outreach within 2 calendar days.</summary>
    public const string FollowedUpWithin2Days = "followed_up_2d";

    /// <summary>Contact meetings on this day that got an outreach within 7 calendar days.</summary>
    public const string FollowedUpWithin7Days = "followed_up_7d";

    /// <summary>Contact meetings on this day that got any outreach on or after the meeting (funnel).</summary>
    public const string FollowedUp = "followed_up";

    /// <summary>Contact meetings on this day whose contact replied to any outreach (funnel).</summary>
    public const string RepliedContacts = "replied_contacts";

    /// <summary>Outreach sent on this day.</summary>
    public const string Sent = "sent";

    /// <summary>Outreach sent on this day that got a reply (credited to the send day).</summary>
    public const string Replied = "replied";

    /// <summary>Scored sends on this day whose predicted probability fell in <paramref name="bin"/>.</summary>
    /// <param name="bin">A bin index from <see cref="ProbabilityBins.IndexOf"/>.</param>
    public static string BinSent(int bin) => Bin(bin, "sent");

    /// <summary>Replies to scored sends in <paramref name="bin"/>.</summary>
    /// <param name="bin">A bin index.</param>
    public static string BinReplied(int bin) => Bin(bin, "replied");

    /// <summary>Sum of predicted probabilities of scored sends in <paramref name="bin"/>, in millionths.</summary>
    /// <param name="bin">A bin index.</param>
    public static string BinPredictedMicros(int bin) => Bin(bin, "predicted_micros");

    private static string Bin(int bin, string what)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bin);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bin, ProbabilityBins.Count);
        return string.Create(CultureInfo.InvariantCulture, $"bin{bin}_{what}");
    }
}
