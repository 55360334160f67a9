using Outreach.Core.Analytics;

namespace Outreach.Core.Tests.Analytics;

public sealed class WilsonIntervalTests
{
    [Theory]
    [InlineData(5, 100, 0.0215, 0.1118)]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(1, 20, 0.0089, 0.2361)]
    [InlineData(30, 200, 0.1071, 0.2061)]
    public void Interval_matches_the_wilson_score_formula_to_four_places(long successes, long trials, double lower, double upper)
    {
        var interval = WilsonInterval.Of(successes, trials);

        Assert.Equal(lower, interval.Lower, 4);
        Assert.Equal(upper, interval.Upper, 4);
    }

    [Fact]
    public void Ends_are_exact_at_zero_and_all_successes()
    {
        Assert.Equal(0.0, WilsonInterval.Of(0, 7).Lower);
        Assert.Equal(1.0, WilsonInterval.Of(7, 7).Upper);
    }

    [Fact]
    public void A_wider_confidence_gives_a_wider_interval()
    {
        var at95 = WilsonInterval.Of(5, 100);
        var at99 = WilsonInterval.Of(5, 100, z: 2.575829);

        Assert.Equal(0.0168, at99.Lower, 4);
        Assert.Equal(0.1392, at99.Upper, 4);
        Assert.True(at99.Lower < at95.Lower && at99.Upper > at95.Upper);
    }

    [Fact]
    public void Lift_interval_is_the_rate_interval_over_the_five_percent_baseline()
    {
        var lift = WilsonInterval.Of(5, 100).AsLift();

        Assert.Equal(0.4309, lift.Lower, 4);
        Assert.Equal(2.2350, lift.Upper, 4);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    public void Impossible_counts_are_rejected(long successes, long trials) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(successes, trials));
}
