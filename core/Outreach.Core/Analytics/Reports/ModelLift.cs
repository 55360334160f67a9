namespace Outreach.Core.Analytics.Reports;

/// <summary>
/// The response model's lift over the 5 % baseline, estimated from counters: the reply rate of the sends the model
/// ranked highest (about the top 10 %) divided by 0.05. Walking the fixed bins from the highest down, bins are
/// taken whole until they hold at least <see cref="TopShare"/> of scored sends, so the share actually covered
/// (<see cref="CoveredShare"/>) can be larger: the figure is lift@<see cref="CoveredShare"/>, which for a ranker is
/// at most lift@10 %. Since 20 × 0.05 = 1, the lift is also "replies per 20 top-ranked sends".
/// </summary>
/// <param name="TopSent">Sends in the top bins taken.</param>
/// <param name="TopReplies">Replies to them.</param>
/// <param name="CoveredShare">TopSent ÷ all scored sends.</param>
/// <param name="ReplyRate">The top sends' reply rate with its interval and lift; its lift is the model lift.</param>
public sealed record ModelLift(long TopSent, long TopReplies, double CoveredShare, RateVsBaseline ReplyRate)
{
    /// <summary>The share of top-ranked sends the lift aims at (lift@10 %, ml.md §5).</summary>
    public const double TopShare = 1.0 / TopShareDivisor;

    // Whole-number comparison, so 10 % of 100 sends is exactly 10 whatever the floating-point rounding.
    private const int TopShareDivisor = 10;

    /// <summary>The lift (top sends' reply rate ÷ 0.05).</summary>
    public double Lift => ReplyRate.Lift ?? 0;

    /// <summary>The model lift from the bins, or null when no send was scored.</summary>
    /// <param name="bins">The bins in order of <see cref="Counters.ProbabilityBins"/> (lowest first).</param>
    public static ModelLift? From(IReadOnlyList<CalibrationBin> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        var scored = bins.Sum(b => b.Sent);
        if (scored == 0)
        {
            return null;
        }

        long sent = 0, replies = 0;
        for (var i = bins.Count - 1; i >= 0 && sent * TopShareDivisor < scored; i--)
        {
            sent += bins[i].Sent;
            replies += bins[i].Replies;
        }

        return new ModelLift(sent, replies, (double)sent / scored, RateVsBaseline.Of(replies, sent));
    }
}
