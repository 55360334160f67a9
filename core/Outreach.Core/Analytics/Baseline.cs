namespace Outreach.Core.Analytics;

/// <summary>
/// The one-in-20 baseline: without a system, about one student in twenty follows up after meeting a professional
/// (a PR agency head's long-running count). Every rate Outreach reports is shown against it, and the response model's
/// lift and log-loss reduction are measured against a constant prediction of this rate.
/// </summary>
public static class Baseline
{
    /// <summary>The baseline rate, 5 %.</summary>
    public const double Rate = 0.05;

    /// <summary>Lift of an observed rate over the baseline (1.0 means no better than one in twenty).</summary>
    /// <param name="rate">An observed rate in [0, 1].</param>
    public static double LiftOf(double rate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1.0);
        return rate / Rate;
    }
}
