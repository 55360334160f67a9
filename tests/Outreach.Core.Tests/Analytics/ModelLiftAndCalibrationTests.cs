using Outreach.Core.Analytics.Counters;
using Outreach.Core.Analytics.Reports;

namespace Outreach.Core.Tests.Analytics;

public sealed class ModelLiftAndCalibrationTests
{
    private static readonly DateOnly Day = new(2026, 11, 16);
    private readonly MetricsScenario _metrics = new();

    [Fact]
    public async Task Model_lift_is_the_reply_rate_of_the_top_ranked_bins_over_five_percent()
    {
        // 80 sends scored 0.03 with 2 replies, 20 scored 0.25 with 6 replies.
        await SendScoredAsync(count: 80, predicted: 0.03, replies: 2, prefix: "low");
        await SendScoredAsync(count: 20, predicted: 0.25, replies: 6, prefix: "high");

        var lift = (await _metrics.OwnerRowAsync(Day, Day)).ModelLift!;

        Assert.Equal(20, lift.TopSent);
        Assert.Equal(6, lift.TopReplies);
        Assert.Equal(0.2, lift.CoveredShare, 12);
        Assert.Equal(6.0, lift.Lift, 12);
        Assert.Equal(0.3, lift.ReplyRate.Rate!.Value, 12);
        Assert.Equal(2.9095, lift.ReplyRate.LiftInterval!.Value.Lower, 4);
        Assert.Equal(10.3795, lift.ReplyRate.LiftInterval.Value.Upper, 4);
    }

    [Fact]
    public async Task Model_lift_takes_bins_from_the_top_until_a_tenth_of_scored_sends_is_covered()
    {
        await SendScoredAsync(count: 90, predicted: 0.01, replies: 3, prefix: "low");
        await SendScoredAsync(count: 6, predicted: 0.09, replies: 1, prefix: "mid");
        await SendScoredAsync(count: 4, predicted: 0.60, replies: 2, prefix: "top");

        var lift = (await _metrics.OwnerRowAsync(Day, Day)).ModelLift!;

        Assert.Equal(10, lift.TopSent);
        Assert.Equal(3, lift.TopReplies);
        Assert.Equal(6.0, lift.Lift, 12);
    }

    [Fact]
    public async Task Calibration_compares_mean_prediction_with_observed_rate_per_bin()
    {
        await SendScoredAsync(count: 80, predicted: 0.03, replies: 2, prefix: "low");
        await SendScoredAsync(count: 20, predicted: 0.25, replies: 6, prefix: "high");

        var calibration = (await _metrics.OwnerRowAsync(Day, Day)).Calibration!;

        Assert.Equal(100, calibration.Scored);
        Assert.Equal(0.074, calibration.MeanPredicted, 12);
        Assert.Equal(0.08, calibration.ObservedRate, 12);
        Assert.Equal(0.014, calibration.ExpectedCalibrationError, 12);
        Assert.Equal(ProbabilityBins.Count, calibration.Bins.Count);
        var low = calibration.Bins[1];
        Assert.Equal((0.02, 0.04, 80L, 2L), (low.Lower, low.Upper, low.Sent, low.Replies));
        Assert.Equal(0.03, low.MeanPredicted!.Value, 12);
        Assert.Equal(0.025, low.ObservedRate!.Value, 12);
        Assert.Null(calibration.Bins[0].MeanPredicted);
    }

    [Fact]
    public async Task Unscored_sends_have_no_model_figures()
    {
        await _metrics.SendAsync("c1", "t1", MetricsScenario.Meeting(Day), MetricsScenario.Utc(2026, 11, 16));

        var row = await _metrics.OwnerRowAsync(Day, Day);

        Assert.Null(row.ModelLift);
        Assert.Null(row.Calibration);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.0199, 0)]
    [InlineData(0.02, 1)]
    [InlineData(0.05, 2)]
    [InlineData(0.06, 3)]
    [InlineData(0.1, 5)]
    [InlineData(0.4999, 8)]
    [InlineData(0.5, 9)]
    [InlineData(1.0, 9)]
    public void Probabilities_fall_in_the_documented_bins(double probability, int bin) =>
        Assert.Equal(bin, ProbabilityBins.IndexOf(probability));

    private async Task SendScoredAsync(int count, double predicted, int replies, string prefix)
    {
        for (var i = 0; i < count; i++)
        {
            var sent = await _metrics.SendAsync($"{prefix}{i}", $"{prefix}-t{i}", MetricsScenario.Meeting(Day), MetricsScenario.Utc(2026, 11, 16), predicted: predicted);
            if (i < replies)
            {
                await _metrics.ReplyAsync(sent, TimeSpan.FromHours(6));
            }
        }
    }
}
