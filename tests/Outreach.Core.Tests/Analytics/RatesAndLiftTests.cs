using Outreach.Core.Analytics.Reports;

namespace Outreach.Core.Tests.Analytics;

public sealed class RatesAndLiftTests
{
    private static readonly DateOnly Day = new(2026, 11, 16);
    private readonly MetricsScenario _metrics = new();

    [Fact]
    public async Task Five_replies_in_a_hundred_sends_is_the_baseline_with_its_wilson_interval()
    {
        for (var i = 0; i < 100; i++)
        {
            var sent = await _metrics.SendAsync($"c{i}", $"t{i}", MetricsScenario.Meeting(Day), MetricsScenario.Utc(2026, 11, 16, 8 + (i % 10)));
            if (i % 20 == 0)
            {
                await _metrics.ReplyAsync(sent, TimeSpan.FromDays(3));
            }
        }

        var rate = (await _metrics.OwnerRowAsync(Day, Day)).ReplyRate;

        Assert.Equal(5, rate.Successes);
        Assert.Equal(100, rate.Trials);
        Assert.Equal(0.05, rate.Rate);
        Assert.Equal(0.05, rate.Baseline);
        Assert.Equal(1.0, rate.Lift!.Value, 12);
        Assert.Equal(0.0215, rate.Interval!.Value.Lower, 4);
        Assert.Equal(0.1118, rate.Interval.Value.Upper, 4);
        Assert.Equal(0.4309, rate.LiftInterval!.Value.Lower, 4);
        Assert.Equal(2.2350, rate.LiftInterval.Value.Upper, 4);
    }

    [Fact]
    public async Task Follow_up_rate_is_shown_against_the_baseline()
    {
        for (var i = 0; i < 10; i++)
        {
            var meeting = MetricsScenario.Meeting(Day);
            await _metrics.MeetAsync($"c{i}", meeting);
            if (i < 4)
            {
                await _metrics.SendAsync($"c{i}", $"t{i}", meeting, MetricsScenario.Utc(2026, 11, 17));
            }
        }

        var followUp = (await _metrics.OwnerRowAsync(Day, Day)).FollowUpWithin2Days;

        Assert.Equal(0.4, followUp.Rate);
        Assert.Equal(8.0, followUp.Lift!.Value, 12);
        Assert.Equal(0.1682, followUp.Interval!.Value.Lower, 4);
        Assert.Equal(0.6873, followUp.Interval.Value.Upper, 4);
    }

    [Theory]
    [InlineData(1, 3, BaselineComparison.TooFewToTell)] // "33 %, 6.7×" from three sends is not evidence (Wilson: 6.1 %–79 %)
    [InlineData(2, 3, BaselineComparison.Above)]
    [InlineData(0, 71, BaselineComparison.TooFewToTell)] // 0.95^71 > 2.5 %
    [InlineData(0, 72, BaselineComparison.Below)] // 0.95^72 < 2.5 %
    [InlineData(0, 10, BaselineComparison.TooFewToTell)] // nor is "0 %" from ten
    [InlineData(5, 100, BaselineComparison.TooFewToTell)] // at the baseline itself
    [InlineData(3, 5, BaselineComparison.Above)]
    [InlineData(20, 100, BaselineComparison.Above)]
    [InlineData(0, 100, BaselineComparison.Below)]
    public void A_rate_is_above_or_below_the_baseline_only_when_its_counts_would_be_rare_at_five_percent(long successes, long trials, BaselineComparison expected)
    {
        Assert.Equal(expected, RateVsBaseline.Of(successes, trials).Comparison);
    }

    [Fact]
    public void A_rate_without_trials_is_compared_with_nothing()
    {
        Assert.Null(RateVsBaseline.Of(0, 0).Comparison);
    }

    [Fact]
    public void No_trials_means_no_rate_rather_than_zero()
    {
        var rate = RateVsBaseline.Of(0, 0);

        Assert.Null(rate.Rate);
        Assert.Null(rate.Interval);
        Assert.Null(rate.Lift);
        Assert.Null(rate.LiftInterval);
    }

    [Fact]
    public void A_reply_counted_before_its_send_never_makes_a_rate_above_one()
    {
        var rate = RateVsBaseline.Of(3, 2);

        Assert.Equal(2, rate.Successes);
        Assert.Equal(1.0, rate.Rate);
    }

    [Fact]
    public async Task A_reply_is_credited_to_the_day_its_outreach_was_sent()
    {
        var sent = await _metrics.SendAsync("c1", "t1", MetricsScenario.Meeting(Day), MetricsScenario.Utc(2026, 11, 16));
        await _metrics.ReplyAsync(sent, TimeSpan.FromDays(10));

        var sendDay = await _metrics.OwnerRowAsync(Day, Day);
        var replyDay = await _metrics.ReadAsync(Day.AddDays(10), Day.AddDays(10), MetricsGroupBy.Owner);

        Assert.Equal(1, sendDay.Replies);
        Assert.Empty(replyDay.Rows);
    }
}
