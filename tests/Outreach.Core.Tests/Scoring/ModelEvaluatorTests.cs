using Outreach.Core.Analytics;
using Outreach.Core.Scoring.Evaluation;

namespace Outreach.Core.Tests.Scoring;

public sealed class ModelEvaluatorTests
{
    [Fact]
    public void A_constant_five_percent_prediction_has_zero_gain_over_the_baseline()
    {
        var labels = Enumerable.Range(0, 200).Select(i => i % 20 == 0).ToArray();
        var probabilities = Enumerable.Repeat(0.05, 200).ToArray();

        var metrics = ModelEvaluator.Evaluate(probabilities, labels);

        Assert.Equal(0.05, metrics.Prevalence, 12);
        Assert.Equal(0, metrics.LogLossReductionVsBaseline, 12);
        Assert.Equal(0, metrics.LogLossReduction, 12);
        Assert.Equal(0, metrics.BrierSkillScore, 12);
        Assert.Equal(0.0475, metrics.BrierScore, 12);
        Assert.Equal(0.28639695711595625, metrics.LogLoss, 12);
        Assert.Equal(0.5, metrics.AreaUnderRocCurve, 12);
    }

    [Fact]
    public void Lift_takes_the_top_share_of_the_ranking_with_a_wilson_interval()
    {
        // 100 rows, replies at the 5 highest scores and at 5 low ones: the top 10 % holds 5 replies.
        var probabilities = Enumerable.Range(0, 100).Select(i => i / 100.0).ToArray();
        var labels = Enumerable.Range(0, 100).Select(i => i >= 95 || i < 5).ToArray();

        var metrics = ModelEvaluator.Evaluate(probabilities, labels);

        Assert.Equal(10, metrics.LiftAt10.Count);
        Assert.Equal(5, metrics.LiftAt10.Replies);
        Assert.Equal(10, metrics.LiftAt10.Lift, 12);
        var interval = WilsonInterval.Of(5, 10);
        Assert.Equal(interval.Lower / 0.05, metrics.LiftAt10.LiftLower, 12);
        Assert.Equal(5, metrics.LiftAt20.Replies);
    }

    [Fact]
    public void Lift_of_a_constant_prediction_is_the_base_lift_whatever_the_row_order()
    {
        // 200 rows, every score equal, the 20 replies happen to be the first 20 rows (e.g. the oldest sends).
        var labels = Enumerable.Range(0, 200).Select(i => i < 20).ToArray();
        var probabilities = Enumerable.Repeat(0.1, 200).ToArray();

        var metrics = ModelEvaluator.Evaluate(probabilities, labels);

        // The top 10 % of a tie is expected to hold 10 % replies: 0.1 / 0.05.
        Assert.Equal((2.0, 2.0), (metrics.LiftAt10.Replies, metrics.LiftAt10.Lift));
        Assert.Equal((4.0, 2.0), (metrics.LiftAt20.Replies, metrics.LiftAt20.Lift));
        var interval = WilsonInterval.Of(2, 20);
        Assert.Equal((interval.Lower / 0.05, interval.Upper / 0.05), (metrics.LiftAt10.LiftLower, metrics.LiftAt10.LiftUpper));
    }

    [Fact]
    public void A_tie_across_the_cut_counts_its_replies_pro_rata_and_the_rows_above_it_in_full()
    {
        // 10 rows: a top score with a reply, then a tie of four rows holding one reply; the top 20 % takes the top
        // row and one of the four tied rows, a quarter of the tie's reply.
        double[] probabilities = [0.9, 0.5, 0.5, 0.5, 0.5, 0.1, 0.1, 0.1, 0.1, 0.1];
        bool[] labels = [true, true, false, false, false, false, false, false, false, false];

        var lift = ModelEvaluator.LiftAt(0.2, probabilities, labels);

        Assert.Equal((2, 1.25), (lift.Count, lift.Replies));
        Assert.Equal(1.25 / 2 / 0.05, lift.Lift, 12);
    }

    [Fact]
    public void Reliability_table_has_ten_equal_count_bins_in_predicted_order()
    {
        var probabilities = Enumerable.Range(0, 1000).Select(i => i / 1000.0).ToArray();
        var labels = Enumerable.Range(0, 1000).Select(i => i % 10 == 0).ToArray();

        var bins = ModelEvaluator.Evaluate(probabilities, labels).Reliability;

        Assert.Equal(10, bins.Count);
        Assert.All(bins, b => Assert.Equal(100, b.Count));
        Assert.All(bins, b => Assert.Equal(0.1, b.ObservedRate, 12));
        Assert.Equal(0.0495, bins[0].MeanPredicted, 12);
        Assert.Equal(0.9495, bins[9].MeanPredicted, 12);
    }

    [Fact]
    public void A_well_calibrated_model_has_calibration_slope_one_and_intercept_zero()
    {
        var random = new Random(3);
        var probabilities = Enumerable.Range(0, 40_000).Select(_ => 0.01 + (0.3 * random.NextDouble())).ToArray();
        var labels = probabilities.Select(p => random.NextDouble() < p).ToArray();

        var metrics = ModelEvaluator.Evaluate(probabilities, labels);

        Assert.InRange(metrics.CalibrationSlope, 0.93, 1.07);
        Assert.InRange(metrics.CalibrationIntercept, -0.15, 0.15);
        Assert.InRange(metrics.CalibrationInTheLarge, -0.005, 0.005);
    }
}
