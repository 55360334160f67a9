using System.Diagnostics;
using Outreach.Benchmarks.Infrastructure;
using Outreach.Core.Scoring;
using Outreach.Core.Scoring.Evaluation;
using Outreach.Core.Scoring.History;
using Outreach.Core.Scoring.Synthetic;
using Outreach.Core.Scoring.Training;

namespace Outreach.Benchmarks.Model;

/// <summary>
/// Trains the response model and reports speed and quality against the 5 % baseline and, when rows carry
/// <c>true_p</c>, against the oracle. Modes:
/// <c>model --rows 100000 --seed 7</c> (synthetic, the latest 20 % held out);
/// <c>model --train A.csv --test B.csv</c> (history CSVs);
/// <c>model --export-synthetic FILE --rows N --seed S</c> (writes a synthetic history CSV).
/// </summary>
internal sealed class ModelBenchmark : IBenchmark
{
    public string Name => "model";

    public string Description => "response model: training time, batch predictions/s, AUC and lift vs oracle and 5 % baseline";

    public Task RunAsync(BenchmarkArguments arguments, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var rows = arguments.Int("rows", 100_000);
        var seed = arguments.Int("seed", 7);
        if (arguments.String("export-synthetic") is { } exportPath)
        {
            using var writer = new StreamWriter(exportPath);
            var history = SyntheticHistoryGenerator.Generate(new SyntheticHistoryOptions { Rows = rows, Seed = seed }, cancellationToken);
            HistoryCsv.Write(writer, history.Rows, cancellationToken);
            report.Figure("exported_rows", history.Rows.Count, "rows");
            report.Figure("exported_reply_rate", history.Rows.Count(r => r.Replied) / (double)history.Rows.Count, "fraction");
            return Task.CompletedTask;
        }

        var (train, test) = arguments.String("train") is { } trainPath
            ? (ReadHistory(trainPath, "train", report, cancellationToken), ReadHistory(arguments.String("test") ?? throw new ArgumentException("--train needs --test FILE."), "test", report, cancellationToken))
            : SplitSynthetic(rows, seed, cancellationToken);
        Run(train, test, seed, synthetic: arguments.String("train") is null, report, cancellationToken);
        return Task.CompletedTask;
    }

    private static void Run(IReadOnlyList<HistoryRow> train, IReadOnlyList<HistoryRow> test, int seed, bool synthetic, BenchmarkReport report, CancellationToken cancellationToken)
    {
        report.Figure("train_rows", train.Count, "rows");
        report.Figure("test_rows", test.Count, "rows");
        report.Figure("test_reply_rate", test.Count(r => r.Replied) / (double)test.Count, "fraction");

        var stopwatch = Stopwatch.StartNew();
        var result = ModelTrainer.Train(train, new TrainingOptions(), progress: null, cancellationToken);
        stopwatch.Stop();
        report.Figure("training_seconds", stopwatch.Elapsed.TotalSeconds, "s");
        report.Figure("training_evaluations", result.Model.Training.Evaluations, "count");
        report.Figure("training_converged", result.Model.Training.Converged ? 1 : 0, "bool");
        report.Figure("deployable", result.Deployable ? 1 : 0, "bool");

        var model = result.Model;
        var matrix = model.Encode([.. test.Select(r => r.Features)], cancellationToken);
        var probabilities = new double[test.Count];
        var (perSecond, allocatedBytes) = PredictionsPerSecond(model, matrix, probabilities);
        report.Figure("predictions_per_second", perSecond, "1/s");
        report.Figure("batch_allocated_bytes", allocatedBytes, "bytes");

        var labels = test.Select(r => r.Replied).ToArray();
        var metrics = ModelEvaluator.Evaluate(probabilities, labels);
        report.Figure("auc", metrics.AreaUnderRocCurve, "auc");
        report.Figure("auprc", metrics.AreaUnderPrecisionRecallCurve, "auprc");
        report.Figure("log_loss_bits", metrics.LogLoss, "bits");
        report.Figure("log_loss_reduction", metrics.LogLossReduction, "fraction");
        report.Figure("log_loss_reduction_vs_5pct", metrics.LogLossReductionVsBaseline, "fraction");
        report.Figure("brier_skill_vs_5pct", metrics.BrierSkillScore, "fraction");
        report.Figure("lift_at_10pct", metrics.LiftAt10.Lift, "x");
        report.Figure("lift_at_10pct_wilson_lower", metrics.LiftAt10.LiftLower, "x");
        report.Figure("lift_at_20pct", metrics.LiftAt20.Lift, "x");
        report.Figure("calibration_slope", metrics.CalibrationSlope, "slope");
        report.Figure("calibration_in_the_large", metrics.CalibrationInTheLarge, "fraction");

        if (test.All(r => r.TrueProbability is not null))
        {
            var trueP = test.Select(r => r.TrueProbability!.Value).ToArray();
            var oracle = ModelEvaluator.Evaluate(trueP, labels);
            report.Figure("oracle_auc", oracle.AreaUnderRocCurve, "auc");
            report.Ratio("auc_vs_oracle", metrics.AreaUnderRocCurve, oracle.AreaUnderRocCurve, target: 0.97);
            report.Figure("oracle_lift_at_10pct", oracle.LiftAt10.Lift, "x");
            // Realised lifts count ~100 replies in the top 10 % of 20k rows (about 10 % sampling error each), so the
            // target is judged on expected lifts (mean true_p of each ranking's top 10 %), which carry no label noise.
            report.Ratio("lift_at_10pct_vs_oracle_realised", metrics.LiftAt10.Lift, oracle.LiftAt10.Lift);
            var expected = ModelEvaluator.ExpectedLiftAt(0.1, probabilities, trueP);
            var expectedOracle = ModelEvaluator.ExpectedLiftAt(0.1, trueP, trueP);
            report.Figure("expected_lift_at_10pct", expected, "x");
            report.Figure("oracle_expected_lift_at_10pct", expectedOracle, "x");
            report.Ratio("lift_at_10pct_vs_oracle", expected, expectedOracle, target: 0.95);
            if (synthetic)
            {
                // true_p includes a per-contact effect no feature can see; ranking by the generator's own feature effects
                // (without it) is the best any model of these features can do, so it separates learning error from that.
                var featureOracle = test.Select(r => LiteratureEffects.LogOdds(r.Features)).ToArray();
                report.Figure("feature_oracle_auc", RankMetrics.AreaUnderRocCurve(featureOracle, labels), "auc");
                report.Ratio("lift_at_10pct_vs_feature_oracle", expected, ModelEvaluator.ExpectedLiftAt(0.1, featureOracle, trueP));
            }
            report.Figure("oracle_log_loss_reduction_vs_5pct", oracle.LogLossReductionVsBaseline, "fraction");
        }
    }

    // Scores the same encoded rows repeatedly for at least a second; the batch path must not allocate per prediction.
    private static (double PerSecond, long AllocatedBytesPerBatch) PredictionsPerSecond(ResponseModel model, Core.Scoring.Features.FeatureMatrix matrix, double[] destination)
    {
        model.ScoreBatch(matrix, destination);
        var before = GC.GetAllocatedBytesForCurrentThread();
        model.ScoreBatch(matrix, destination);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var stopwatch = Stopwatch.StartNew();
        long predictions = 0;
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(1))
        {
            model.ScoreBatch(matrix, destination);
            predictions += matrix.Rows;
        }

        stopwatch.Stop();
        return (predictions / stopwatch.Elapsed.TotalSeconds, allocated);
    }

    private static (IReadOnlyList<HistoryRow> Train, IReadOnlyList<HistoryRow> Test) SplitSynthetic(int rows, int seed, CancellationToken cancellationToken)
    {
        var history = SyntheticHistoryGenerator.Generate(new SyntheticHistoryOptions { Rows = rows, Seed = seed }, cancellationToken).Rows;
        // Tested on the latest sends, as the trainer judges a model: the one it would be used on next.
        var (train, _, test) = TimeSplit.Split(history, 0.2, 0);
        return (train, test);
    }

    private static List<HistoryRow> ReadHistory(string path, string label, BenchmarkReport report, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        var result = HistoryCsv.Read(reader, cancellationToken);
        report.Figure($"{label}_skipped_rows", result.SkippedRows, "rows");
        report.Figure($"{label}_corrected_values", result.Issues.Count(i => i.Kind != RowIssueKind.Skipped), "values");
        foreach (var issue in result.Issues.Where(i => i.Kind == RowIssueKind.Skipped).Take(5))
        {
            Console.Error.WriteLine($"{label}: line {issue.Line}, {issue.Field}: {issue.Message}");
        }

        return [.. result.Rows];
    }
}
