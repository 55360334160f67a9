using MathNet.Numerics.Distributions;

namespace Outreach.Core.Analytics.Reports;

/// <summary>
/// The exact binomial test of a count against the one-in-20 baseline, two-sided at 95 % (2.5 % in each tail): "above"
/// when so many successes would happen less than one time in 40 at a true rate of 5 %, "below" likewise for so few.
/// </summary>
internal static class BaselineTest
{
    private const double TailProbability = 0.025;

    public static BaselineComparison Compare(long successes, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials > int.MaxValue)
        {
            // Beyond any real history; at such sizes the Wilson interval is exact enough.
            var interval = WilsonInterval.Of(successes, trials);
            return interval.Lower > Baseline.Rate ? BaselineComparison.Above
                : interval.Upper < Baseline.Rate ? BaselineComparison.Below
                : BaselineComparison.TooFewToTell;
        }

        var n = (int)trials;
        var atLeast = successes == 0 ? 1.0 : 1.0 - Binomial.CDF(Baseline.Rate, n, successes - 1);
        if (atLeast <= TailProbability)
        {
            return BaselineComparison.Above;
        }

        return Binomial.CDF(Baseline.Rate, n, successes) <= TailProbability ? BaselineComparison.Below : BaselineComparison.TooFewToTell;
    }
}
