using Outreach.Core.Scoring;
using Outreach.Core.Scoring.Evaluation;
using Outreach.Core.Scoring.Training;

namespace Outreach.Core.Tests.Scoring;

public sealed class PlattScalerTests
{
    [Fact]
    public void A_calibration_set_whose_few_replies_scored_low_shifts_the_scores_without_reversing_them()
    {
        // 3 replies among 60 calibration rows, by chance all among the lower raw scores: the slope Platt would fit is
        // negative, which would turn the model's ranking (learnt on many more rows) upside down.
        var rawLogOdds = Enumerable.Range(0, 60).Select(i => -4.0 + (i / 20.0)).ToArray();
        var labels = rawLogOdds.Select((_, i) => i is 2 or 9 or 15).ToArray();

        var calibration = PlattScaler.Fit(rawLogOdds, labels, CancellationToken.None);

        Assert.Equal(1, calibration.A);
        // The intercept alone takes the mean calibrated probability to the calibration rows' (smoothed) reply rate.
        var targets = labels.Select(l => l ? 4.0 / 5 : 1.0 / 59).Average();
        Assert.Equal(targets, rawLogOdds.Average(s => 1 / (1 + Math.Exp(-(s + calibration.B)))), 9);
    }

    [Fact]
    public void A_calibration_set_that_agrees_with_the_ranking_keeps_the_fitted_slope()
    {
        var rawLogOdds = Enumerable.Range(0, 200).Select(i => -5.0 + (i / 40.0)).ToArray();
        var labels = rawLogOdds.Select((_, i) => i % 10 == 9 || i > 190).ToArray();

        var calibration = PlattScaler.Fit(rawLogOdds, labels, CancellationToken.None);

        Assert.InRange(calibration.A, 0.01, double.MaxValue);
        Assert.NotEqual(1, calibration.A);
    }

    [Fact]
    public void A_small_history_whose_calibration_replies_scored_low_still_ranks_its_hold_out_as_the_fit_does()
    {
        // 2,000 sends with 94 replies: the calibration part (the 200 sends before the latest 400) holds 8 replies,
        // which the fit scores low (their raw AUC is 0.39); the fit itself ranks the hold-out at an AUC above 0.7.
        var rows = ScoringTestData.Synthetic(60_000, seed: 77).Skip(20_500).Take(2_000).ToList();

        var result = ModelTrainer.Train(rows, new TrainingOptions());

        var uncalibrated = new ResponseModel(result.Model.Artifact with { Calibration = PlattCalibration.Identity, Metrics = null });
        var (_, calibration, holdOut) = TimeSplit.Split(rows, 0.2, 0.1);
        Assert.True(ModelEvaluator.Evaluate(uncalibrated, calibration).AreaUnderRocCurve < 0.5);
        Assert.True(result.Model.Calibration.A > 0, $"Platt slope {result.Model.Calibration.A}");
        Assert.Equal(ModelEvaluator.Evaluate(uncalibrated, holdOut).AreaUnderRocCurve, result.Metrics.AreaUnderRocCurve, 12);
        Assert.True(result.Metrics.AreaUnderRocCurve > 0.7, $"hold-out AUC {result.Metrics.AreaUnderRocCurve}");
    }
}
