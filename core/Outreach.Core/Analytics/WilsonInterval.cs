namespace Outreach.Core.Analytics;

/// <summary>
/// The Wilson score interval for a binomial proportion: the canonical interval for every rate Outreach reports
/// (follow-up rates, reply rates, model lift). Unlike the normal approximation it stays inside [0, 1] and behaves
/// at 0 and n successes, which matters at a 5 % base rate where small groups often have no reply at all.
/// </summary>
public static class WilsonInterval
{
    /// <summary>The two-sided 95 % normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The interval for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    /// <param name="successes">Successes, 0 ≤ successes ≤ trials.</param>
    /// <param name="trials">Trials, at least 1 (a rate of nothing has no interval).</param>
    /// <param name="z">The normal quantile; <see cref="Z95"/> unless a different confidence is wanted.</param>
    public static ProportionInterval Of(long successes, long trials, double z = Z95) => Of((double)successes, trials, z);

    /// <summary>
    /// The interval for an expected, possibly fractional, count of <paramref name="successes"/> out of
    /// <paramref name="trials"/>: e.g. a model's top 10 % that cuts through tied scores holds their replies pro rata.
    /// </summary>
    /// <param name="successes">Expected successes, 0 ≤ successes ≤ trials.</param>
    /// <param name="trials">Trials, at least 1.</param>
    /// <param name="z">The normal quantile; <see cref="Z95"/> unless a different confidence is wanted.</param>
    public static ProportionInterval Of(double successes, long trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(z);

        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var halfWidth = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));

        // Rounding can push the bounds a hair past the exact ends at 0/n and n/n.
        var lower = successes == 0 ? 0.0 : Math.Max(0.0, centre - halfWidth);
        var upper = successes == trials ? 1.0 : Math.Min(1.0, centre + halfWidth);
        return new ProportionInterval(lower, upper);
    }
}
