using System.Diagnostics.CodeAnalysis;

namespace Outreach.Core.Analytics.Reports;

/// <summary>
/// A rate with its Wilson 95 % interval and its lift over the one-in-20 baseline. With no trials the rate,
/// interval and lift are null: "no data" is not "0 %". Counters fill in as events arrive, so a reply can be counted
/// a moment before its send; successes are capped at the trials rather than reporting a rate above 1.
/// </summary>
/// <param name="Successes">Successes (followed up, replied).</param>
/// <param name="Trials">Trials (contacts met, outreach sent).</param>
/// <param name="Rate">Successes ÷ trials, or null without trials.</param>
/// <param name="Interval">The Wilson 95 % interval of the rate, or null.</param>
/// <param name="Lift">Rate ÷ <see cref="Baseline.Rate"/>, or null.</param>
/// <param name="LiftInterval">The interval's bounds ÷ <see cref="Baseline.Rate"/>, or null.</param>
public sealed record RateVsBaseline(
    long Successes,
    long Trials,
    double? Rate,
    ProportionInterval? Interval,
    double? Lift,
    ProportionInterval? LiftInterval)
{
    /// <summary>The baseline every rate is shown against (5 %).</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance member so JSON answers carry the baseline beside each rate.")]
    public double Baseline => Analytics.Baseline.Rate;

    /// <summary>
    /// Whether the rate is above or below the baseline, or <see cref="BaselineComparison.TooFewToTell"/>; null without
    /// trials. Read this, not the point rate or lift, before saying a rate beats (or misses) one in twenty. It is the exact
    /// binomial test of these counts against 5 %, two-sided at 95 %: Wilson's interval is too narrow at a handful of
    /// trials (1 reply in 3 sends has an interval above 5 %, yet one reply in three sends happens one time in seven at 5 %).
    /// </summary>
    public BaselineComparison? Comparison => Trials == 0 ? null : BaselineTest.Compare(Successes, Trials);

    /// <summary>The rate of <paramref name="successes"/> in <paramref name="trials"/>.</summary>
    /// <param name="successes">Successes, 0 or more (capped at <paramref name="trials"/>).</param>
    /// <param name="trials">Trials, 0 or more.</param>
    public static RateVsBaseline Of(long successes, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        if (trials == 0)
        {
            return new RateVsBaseline(0, 0, null, null, null, null);
        }

        successes = Math.Min(successes, trials);

        var rate = (double)successes / trials;
        var interval = WilsonInterval.Of(successes, trials);
        return new RateVsBaseline(successes, trials, rate, interval, Analytics.Baseline.LiftOf(rate), interval.AsLift());
    }
}
