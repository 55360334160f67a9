namespace Outreach.Core.Scoring.Evaluation;

/// <summary>The Wilson score interval for a binomial proportion (good at the small rates Outreach sees, unlike the Wald interval).</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
public sealed record WilsonInterval(double Lower, double Upper)
{
    /// <summary>The two-sided 95 % normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The interval for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    public static WilsonInterval Of(long successes, long trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
        {
            return new WilsonInterval(0, 1);
        }

        double n = trials, p = successes / n, z2 = z * z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return new WilsonInterval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
