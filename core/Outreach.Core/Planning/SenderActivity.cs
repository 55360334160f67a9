namespace Outreach.Core.Planning;

/// <summary>What a sender has already sent: the count on one local day and the last send.</summary>
/// <param name="LocalDay">The sender-local date <paramref name="SentThatDay"/> counts (a count for another day counts as zero today).</param>
/// <param name="SentThatDay">Emails sent (claimed or sent) on that local day.</param>
/// <param name="LastSentUtc">The last send, or null if none.</param>
public sealed record SenderActivity(DateOnly LocalDay, int SentThatDay, DateTimeOffset? LastSentUtc)
{
    /// <summary>A sender who has sent nothing.</summary>
    public static SenderActivity None { get; } = new(DateOnly.MinValue, 0, null);
}
