using Outreach.Core.Scoring.Evaluation;

namespace Outreach.Core.Tests.Scoring;

public sealed class WilsonIntervalTests
{
    [Fact]
    public void Five_replies_in_a_hundred_give_the_textbook_interval()
    {
        var interval = WilsonInterval.Of(5, 100);

        Assert.Equal(0.0215437, interval.Lower, 6);
        Assert.Equal(0.1117505, interval.Upper, 6);
    }

    [Fact]
    public void No_replies_still_give_a_positive_upper_bound()
    {
        var interval = WilsonInterval.Of(0, 10);

        Assert.Equal(0, interval.Lower, 12);
        Assert.Equal(0.2775328, interval.Upper, 6);
    }
}
