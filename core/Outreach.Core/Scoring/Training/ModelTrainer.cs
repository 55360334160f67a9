using Outreach.Core.Scoring.Evaluation;
using Outreach.Core.Scoring.Features;
using Outreach.Core.Scoring.History;

namespace Outreach.Core.Scoring.Training;

/// <summary>
/// Trains a <see cref="ResponseModel"/> from an outreach history: split by send time (<see cref="TimeSplit"/>) into
/// training, calibration and hold-out rows, the latest held out; imputation values and standardisation learnt on the training rows; L2 logistic regression by
/// L-BFGS; Platt scaling on the calibration rows; optional prior correction to a deployment base rate; hold-out
/// metrics; and the <see cref="DeploymentGate"/> decision.
/// </summary>
public static class ModelTrainer
{
    private const double DefaultDaysSinceMet = 30;
    private const int DefaultWordCount = 100;

    /// <summary>Trains and judges a model. Reports progress per L-BFGS evaluation and per stage.</summary>
    /// <exception cref="DomainException">The history has too few replies or non-replies, or the options are out of range.</exception>
    public static TrainingResult Train(
        IEnumerable<HistoryRow> history,
        TrainingOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        var rows = history as IReadOnlyList<HistoryRow> ?? history.ToList();
        Validate(rows, options);
        progress?.Report(new TrainingProgress(TrainingStage.Encoding));

        var (training, calibration, holdOut) = TimeSplit.Split(rows, options.HoldOutFraction, options.CalibrationFraction);

        var trainingFeatures = training.ConvertAll(r => r.Features);
        var unscaled = FeatureEncoder.WithMeasuredMessageMeans(
            FeatureEncoder.Unscaled(options.ExtraColumns, MedianDaysSinceMet(training), MedianWordCount(training)), trainingFeatures, cancellationToken);
        var x = new FeatureEncoder(unscaled).Encode(trainingFeatures, cancellationToken);
        var schema = Standardise(x, unscaled);
        var y = training.Select(r => r.Replied ? 1.0 : 0.0).ToArray();

        var fit = LogisticRegressionFitter.Fit(
            x.Values, x.Rows, x.Columns, y, options.L2, new FitSettings(options.GradientTolerance, options.MaxEvaluations),
            progress is null ? null : (evaluations, loss, norm) => progress.Report(new TrainingProgress(TrainingStage.Fitting, evaluations, loss, norm)),
            cancellationToken);

        progress?.Report(new TrainingProgress(TrainingStage.Calibrating, fit.Evaluations, fit.Loss, fit.GradientNorm));
        var uncalibrated = new ResponseModel(new ModelArtifact
        {
            ModelId = Guid.NewGuid().ToString("N"),
            ModelVersion = (options.CurrentModel?.Version ?? 0) + 1,
            CreatedAt = options.TimeProvider.GetUtcNow(),
            Origin = options.Origin,
            Features = schema,
            Weights = fit.Weights,
            Bias = fit.Bias,
            TrainingWindow = Window(rows),
            RowCount = rows.Count,
            Training = new TrainingDiagnostics(
                fit.Converged, fit.Evaluations, fit.GradientNorm, options.L2, training.Count, calibration.Count, holdOut.Count,
                (calibration.Count > 0 ? calibration : training)[^1].Features.SentAt,
                holdOut.Select(r => r.OwnerId).Distinct(StringComparer.Ordinal).Count(),
                TrainingDiagnostics.DominanceOf(holdOut.Select(r => r.OwnerId))),
        });
        var model = new ResponseModel(uncalibrated.Artifact with
        {
            Calibration = Calibrate(uncalibrated, calibration, cancellationToken),
            // The rate the model learnt, from the rows it learnt from: the hold-out's own rate stays unseen.
            BaseRateCorrection = options.DeploymentBaseRate is { } rate ? Correction(ModelEvaluator.Labels([.. training, .. calibration]), rate) : null,
        });

        progress?.Report(new TrainingProgress(TrainingStage.Evaluating, fit.Evaluations, fit.Loss, fit.GradientNorm));
        var metrics = ModelEvaluator.Evaluate(model, holdOut, cancellationToken);
        var comparison = options.CurrentModel is { } current ? Compare(model, current, holdOut, cancellationToken) : null;
        var decision = options.Gate.Decide(metrics, fit.Converged, comparison);
        progress?.Report(new TrainingProgress(TrainingStage.Done, fit.Evaluations, fit.Loss, fit.GradientNorm));
        return new TrainingResult(model.WithMetrics(metrics), metrics, comparison, decision);
    }

    /// <summary>
    /// Judges both models on the hold-out rows sent after every row the deployed model saw. Tonight's history mostly
    /// overlaps the one the deployed model came from, so the rest of the hold-out holds rows it was trained on or was
    /// chosen on, and would judge it partly in-sample.
    /// </summary>
    private static IncumbentComparison Compare(ResponseModel candidate, ResponseModel current, List<HistoryRow> holdOut, CancellationToken cancellationToken)
    {
        var cutOff = current.TrainingWindow.To;
        var unseen = holdOut.Where(r => r.Features.SentAt > cutOff).ToList();
        var replies = unseen.Count(r => r.Replied);
        return unseen.Count == 0
            ? new IncumbentComparison(cutOff, 0, 0, null, null)
            : new IncumbentComparison(
                cutOff,
                unseen.Count,
                replies,
                ModelEvaluator.Evaluate(candidate, unseen, cancellationToken),
                ModelEvaluator.Evaluate(current, unseen, cancellationToken));
    }

    private static void Validate(IReadOnlyList<HistoryRow> rows, TrainingOptions options)
    {
        if (options.HoldOutFraction is <= 0 or >= 0.9)
        {
            throw new DomainException("model.options", "HoldOutFraction must be above 0 and below 0.9: the deployment decision needs hold-out rows.", nameof(options.HoldOutFraction));
        }

        if (options.CalibrationFraction < 0 || options.HoldOutFraction + options.CalibrationFraction >= 0.9)
        {
            throw new DomainException("model.options", "CalibrationFraction must be at least 0 and leave at least 10 % of rows for training.", nameof(options.CalibrationFraction));
        }

        if (options.L2 <= 0)
        {
            throw new DomainException("model.options", "L2 must be positive: it keeps the fit finite when replies are separable.", nameof(options.L2));
        }

        if (options.DeploymentBaseRate is { } rate && rate is <= 0 or >= 1)
        {
            throw new DomainException("model.options", "DeploymentBaseRate must be between 0 and 1.", nameof(options.DeploymentBaseRate));
        }

        var replies = rows.Count(r => r.Replied);
        var minimum = options.MinimumPerClass;
        if (replies < minimum || rows.Count - replies < minimum)
        {
            throw new DomainException(
                "model.too-few-outcomes",
                $"The history has {replies} replies and {rows.Count - replies} non-replies; training needs at least {minimum} of each.",
                "history");
        }

        foreach (var extra in options.ExtraColumns.Where(e => !rows.Any(r => r.Features.Extras?.ContainsKey(e) == true)))
        {
            throw new DomainException("model.unknown-extra-column", $"No history row has the extra column '{extra}'.", extra);
        }
    }

    private static double MedianDaysSinceMet(List<HistoryRow> rows)
    {
        var known = rows.Where(r => r.Features.DaysSinceMet is not null).Select(r => r.Features.DaysSinceMet!.Value).Order().ToList();
        return known.Count == 0 ? DefaultDaysSinceMet : known[known.Count / 2];
    }

    private static int MedianWordCount(List<HistoryRow> rows)
    {
        var known = rows.Where(r => r.Features.WordCount is not null).Select(r => r.Features.WordCount!.Value).Order().ToList();
        return known.Count == 0 ? DefaultWordCount : known[known.Count / 2];
    }

    /// <summary>Learns each column's mean and standard deviation and standardises <paramref name="x"/> in place.</summary>
    private static FeatureSchema Standardise(FeatureMatrix x, FeatureSchema unscaled)
    {
        var values = x.Values;
        var columns = new FeatureColumn[x.Columns];
        for (var j = 0; j < x.Columns; j++)
        {
            double sum = 0, sumSquares = 0;
            for (var i = 0; i < x.Rows; i++)
            {
                var v = values[(i * x.Columns) + j];
                sum += v;
                sumSquares += v * v;
            }

            var mean = sum / x.Rows;
            var variance = Math.Max(0, (sumSquares / x.Rows) - (mean * mean));
            // A constant column (a level absent from training) keeps scale 1 so it can never divide by zero.
            var scale = variance > 1e-12 ? Math.Sqrt(variance) : 1;
            for (var i = 0; i < x.Rows; i++)
            {
                ref var v = ref values[(i * x.Columns) + j];
                v = (v - mean) / scale;
            }

            columns[j] = unscaled.Columns[j] with { Mean = mean, Scale = scale };
        }

        return unscaled with { Columns = columns };
    }

    private static PlattCalibration Calibrate(ResponseModel uncalibrated, List<HistoryRow> calibration, CancellationToken cancellationToken)
    {
        if (calibration.Count == 0)
        {
            return PlattCalibration.Identity;
        }

        var probabilities = new double[calibration.Count];
        uncalibrated.ScoreBatch(uncalibrated.Encode([.. calibration.Select(r => r.Features)], cancellationToken), probabilities);
        var logOdds = probabilities.Select(p => VectorMath.Logit(Math.Clamp(p, 1e-15, 1 - 1e-15))).ToArray();
        return PlattScaler.Fit(logOdds, ModelEvaluator.Labels(calibration), cancellationToken);
    }

    private static BaseRateCorrection Correction(bool[] labels, double deploymentRate)
    {
        var trainingRate = labels.Count(l => l) / (double)labels.Length;
        return new BaseRateCorrection(trainingRate, deploymentRate, VectorMath.Logit(deploymentRate) - VectorMath.Logit(trainingRate));
    }

    private static TrainingWindow Window(IReadOnlyList<HistoryRow> rows)
    {
        var from = rows[0].Features.SentAt;
        var to = from;
        foreach (var row in rows)
        {
            var sentAt = row.Features.SentAt;
            from = sentAt < from ? sentAt : from;
            to = sentAt > to ? sentAt : to;
        }

        return new TrainingWindow(from, to);
    }
}
