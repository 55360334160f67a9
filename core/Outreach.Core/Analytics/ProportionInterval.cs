namespace Outreach.Core.Analytics;

/// <summary>A confidence interval for a proportion.</summary>
/// <param name="Lower">The lower bound, in [0, 1].</param>
/// <param name="Upper">The upper bound, in [0, 1].</param>
public readonly record struct ProportionInterval(double Lower, double Upper)
{
    /// <summary>The same interval expressed as lift over the 5 % baseline (both bounds divided by it).</summary>
    public ProportionInterval AsLift() => new(Baseline.LiftOf(Lower), Baseline.LiftOf(Upper));
}
