using Outreach.Core.Scoring;
using Outreach.Core.Scoring.Evaluation;
using Outreach.Core.Scoring.Features;
using Outreach.Core.Scoring.Training;
using Outreach.Testing.Time;

namespace Outreach.Core.Tests.Scoring;

public sealed class ModelTrainerTests
{
    private static readonly string[] Noise = ["noise_1", "noise_2", "noise_3"];
    private static readonly string[] RealEffects =
        [FeatureGroups.Relationship, FeatureGroups.Step, FeatureGroups.Seniority, FeatureGroups.Length, FeatureGroups.Questions, FeatureGroups.Personalisation];

    [Fact]
    public void A_model_with_signal_is_deployable_and_beats_the_five_percent_baseline()
    {
        var result = ModelTrainer.Train(ScoringTestData.Synthetic(30_000, seed: 1), new TrainingOptions());

        Assert.True(result.Deployable, result.Reason);
        Assert.True(result.Model.Training.Converged);
        Assert.True(result.Metrics.LogLoss < result.Metrics.BaselineLogLoss);
        Assert.True(result.Metrics.AreaUnderRocCurve > 0.7);
        Assert.StartsWith("Hold-out log-loss", result.Reason, StringComparison.Ordinal);
        Assert.Equal(result.Metrics, result.Model.Metrics);
    }

    [Fact]
    public void Noise_columns_rank_below_every_real_effect()
    {
        var options = new TrainingOptions { ExtraColumns = Noise };
        var model = ModelTrainer.Train(ScoringTestData.Synthetic(60_000, seed: 21), options).Model;

        var importance = PermutationImportance.Compute(model, ScoringTestData.Synthetic(20_000, seed: 22), repeats: 3, seed: 5);

        var weakestReal = importance.Where(f => RealEffects.Contains(f.Group)).Max(f => f.DeltaAuc.Mean);
        var strongestNoise = importance.Where(f => f.Group.StartsWith("extra:", StringComparison.Ordinal)).Min(f => f.DeltaAuc.Mean);
        Assert.True(weakestReal < strongestNoise, $"weakest real effect ΔAUC {weakestReal}, strongest noise ΔAUC {strongestNoise} " + string.Join("; ", importance.Select(f => $"{f.Group} {f.DeltaAuc.Mean:0.00000}")));
        var largestNoiseWeight = model.Schema.Columns.Select((c, j) => (c, j)).Where(x => x.c.Group.StartsWith("extra:", StringComparison.Ordinal)).Max(x => Math.Abs(model.Weights[x.j]));
        Assert.True(largestNoiseWeight < 0.05, $"largest |noise weight| {largestNoiseWeight}");
    }

    [Fact]
    public void Replies_independent_of_the_features_are_not_deployable()
    {
        var rows = ScoringTestData.WithoutSignal(ScoringTestData.Synthetic(30_000, seed: 2), rate: 0.05, seed: 3);

        var result = ModelTrainer.Train(rows, new TrainingOptions());

        Assert.False(result.Deployable);
        Assert.Contains(result.Decision.Reasons, r => r.Contains("better than chance", StringComparison.Ordinal));
    }

    [Fact]
    public void A_different_base_rate_without_signal_is_not_deployable_even_though_it_beats_five_percent()
    {
        var rows = ScoringTestData.WithoutSignal(ScoringTestData.Synthetic(20_000, seed: 4), rate: 0.3, seed: 5);

        var result = ModelTrainer.Train(rows, new TrainingOptions());

        Assert.True(result.Metrics.LogLoss < result.Metrics.BaselineLogLoss);
        Assert.False(result.Deployable);
        Assert.Contains(result.Decision.Reasons, r => r.Contains("better than chance", StringComparison.Ordinal));
    }

    [Fact]
    public void Prior_correction_shifts_every_log_odds_to_the_deployment_base_rate()
    {
        var rows = ScoringTestData.Synthetic(20_000, seed: 6, baseRate: 0.2);
        var plain = ModelTrainer.Train(rows, new TrainingOptions()).Model;

        var corrected = ModelTrainer.Train(rows, new TrainingOptions { DeploymentBaseRate = 0.05 }).Model;

        // The rate of the rows the model learnt from (the oldest 80 %), not the hold-out's.
        var learnt = rows.OrderBy(r => r.Features.SentAt).Take(16_000).ToList();
        var trainingRate = learnt.Count(r => r.Replied) / (double)learnt.Count;
        var expectedShift = Logit(0.05) - Logit(trainingRate);
        Assert.Equal(expectedShift, corrected.BaseRateCorrection!.LogitShift, 12);
        foreach (var row in rows.Take(20))
        {
            Assert.Equal(expectedShift, Logit(corrected.Predict(row).Probability) - Logit(plain.Predict(row).Probability), 8);
        }
    }

    [Fact]
    public void The_hold_out_is_the_latest_sends_which_the_model_never_learnt_from()
    {
        // Read in no particular order, as a history of several owners is.
        var rows = ScoringTestData.Synthetic(10_000, seed: 31).OrderBy(r => r.TrueProbability).ToList();

        var result = ModelTrainer.Train(rows, new TrainingOptions());

        var bySend = rows.OrderBy(r => r.Features.SentAt).ToList();
        var latest = bySend.Skip(8_000).ToList();
        Assert.Equal(2_000, result.Model.Training.HoldOutRows);
        Assert.Equal(bySend[7_999].Features.SentAt, result.Model.Training.FittedThrough);
        Assert.True(latest.All(r => r.Features.SentAt >= result.Model.Training.FittedThrough));
        var onLatest = ModelEvaluator.Evaluate(result.Model, latest);
        Assert.Equal((onLatest.Count, onLatest.Positives, onLatest.AreaUnderRocCurve, onLatest.LiftAt10), (result.Metrics.Count, result.Metrics.Positives, result.Metrics.AreaUnderRocCurve, result.Metrics.LiftAt10));
        Assert.Equal(latest.Select(r => r.OwnerId).Distinct().Count(), result.Model.Training.HoldOutOwners);
    }

    [Fact]
    public void A_hold_out_without_replies_is_refused_in_those_words_and_not_with_undefined_figures()
    {
        // Replies stopped coming in for the latest sends (their outcomes were all no-replies).
        var rows = ScoringTestData.Synthetic(5_000, seed: 32).OrderBy(r => r.Features.SentAt).Select((r, i) => i >= 4_000 ? r with { Replied = false } : r).ToList();

        var result = ModelTrainer.Train(rows, new TrainingOptions());

        Assert.False(result.Deployable);
        Assert.Equal(["The hold-out (the latest 1000 sends) has no replies: a model cannot be judged on it until later sends have both replies and non-replies."], result.Decision.Reasons);
    }

    [Fact]
    public void Too_few_replies_is_a_domain_error_naming_the_history()
    {
        var rows = ScoringTestData.Synthetic(200, seed: 7).Select((r, i) => r with { Replied = i < 5 }).ToList();

        var error = Assert.Throws<DomainException>(() => ModelTrainer.Train(rows, new TrainingOptions()));

        Assert.Equal("model.too-few-outcomes", error.Code);
        Assert.Equal("history", error.Target);
    }

    [Fact]
    public void A_candidate_trained_on_more_outcomes_is_not_refused_for_losing_to_the_deployed_model_on_rows_that_model_was_trained_on()
    {
        // Last night's model saw the first 1,000 of tonight's 2,000 rows, and was fitted on the oldest 700 of them.
        var history = ScoringTestData.Synthetic(2_000, seed: 20, baseRate: 0.1);
        var options = new TrainingOptions { ExtraColumns = Noise };
        var deployed = ModelTrainer.Train(history.Take(1_000).ToList(), options).Model;

        var candidate = ModelTrainer.Train(history, options with { CurrentModel = deployed });

        var unseen = ScoringTestData.Synthetic(50_000, seed: 999, baseRate: 0.1);
        Assert.True(ModelEvaluator.Evaluate(candidate.Model, unseen).LogLoss < ModelEvaluator.Evaluate(deployed, unseen).LogLoss);
        Assert.True(candidate.Deployable, candidate.Reason);
    }

    [Fact]
    public void The_deployed_model_is_judged_only_on_hold_out_rows_sent_after_its_training_rows()
    {
        var history = ScoringTestData.Synthetic(12_000, seed: 23).OrderBy(r => r.Features.SentAt).ToList();
        var deployed = ModelTrainer.Train(history.Take(8_000).ToList(), new TrainingOptions()).Model;

        var result = ModelTrainer.Train(history, new TrainingOptions { CurrentModel = deployed });

        var comparison = result.Comparison!;
        Assert.Equal(history[7_999].Features.SentAt, comparison.DeployedTrainedThrough);
        // The hold-out is tonight's latest 2,400 sends, all after the deployed model's 8,000.
        Assert.Equal(result.Model.Training.HoldOutRows, comparison.Rows);
        Assert.True(comparison.Replies >= 20, $"{comparison.Replies} replies");
        Assert.Equal(comparison.Rows, comparison.Deployed!.Count);
    }

    [Fact]
    public void Records_origin_clock_window_row_count_and_version()
    {
        var rows = ScoringTestData.Synthetic(5_000, seed: 8);
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
        var current = ModelTrainer.Train(rows, new TrainingOptions { TimeProvider = clock }).Model;

        var model = ModelTrainer.Train(rows, new TrainingOptions { TimeProvider = clock, CurrentModel = current, Origin = ModelOrigin.SyntheticPrior }).Model;

        Assert.Equal(clock.GetUtcNow(), model.CreatedAt);
        Assert.Equal("synthetic-prior", model.Origin);
        Assert.Equal(2, model.Version);
        Assert.Equal(5_000, model.RowCount);
        Assert.Equal(rows.Min(r => r.Features.SentAt), model.TrainingWindow.From);
        Assert.Equal(rows.Max(r => r.Features.SentAt), model.TrainingWindow.To);
        Assert.Equal(5_000, model.Training.TrainingRows + model.Training.CalibrationRows + model.Training.HoldOutRows);
    }

    [Fact]
    public void Reports_progress_through_every_stage_in_order()
    {
        var progress = new RecordingProgress();

        ModelTrainer.Train(ScoringTestData.Synthetic(3_000, seed: 9), new TrainingOptions(), progress);

        var stages = progress.Reports.Select(r => r.Stage).Distinct().ToList();
        Assert.Equal([TrainingStage.Encoding, TrainingStage.Fitting, TrainingStage.Calibrating, TrainingStage.Evaluating, TrainingStage.Done], stages);
        Assert.True(progress.Reports.Last().GradientNorm <= 1e-5);
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private sealed class RecordingProgress : IProgress<TrainingProgress>
    {
        public List<TrainingProgress> Reports { get; } = [];

        public void Report(TrainingProgress value) => Reports.Add(value);
    }
}
