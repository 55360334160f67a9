using Outreach.Core.Analytics;
using Outreach.Core.Scoring.History;
using Outreach.Core.Scoring.Training;

namespace Outreach.Core.Scoring.Evaluation;

/// <summary>Computes <see cref="ModelMetrics"/> for predicted probabilities against observed replies.</summary>
public static class ModelEvaluator
{
    private const double ProbabilityFloor = 1e-15;
    private const int ReliabilityBins = 10;

    /// <summary>Scores <paramref name="rows"/> with <paramref name="model"/> and evaluates the result.</summary>
    public static ModelMetrics Evaluate(ResponseModel model, IReadOnlyList<HistoryRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        var probabilities = new double[rows.Count];
        model.ScoreBatch(model.Encode(rows.Select(r => r.Features).ToList(), cancellationToken), probabilities);
        return Evaluate(probabilities, Labels(rows));
    }

    /// <summary>Evaluates probabilities against labels (same length, at least one row).</summary>
    public static ModelMetrics Evaluate(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels)
    {
        if (probabilities.Length != labels.Length || probabilities.Length == 0)
        {
            throw new ArgumentException($"Need equally many probabilities ({probabilities.Length}) and labels ({labels.Length}), at least one.", nameof(probabilities));
        }

        var n = probabilities.Length;
        int positives = 0;
        double logLossNats = 0, baselineNats = 0, brier = 0, baselineBrier = 0, meanPredicted = 0;
        for (var i = 0; i < n; i++)
        {
            var p = Math.Clamp(probabilities[i], ProbabilityFloor, 1 - ProbabilityFloor);
            var y = labels[i] ? 1.0 : 0.0;
            positives += labels[i] ? 1 : 0;
            logLossNats -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
            baselineNats -= labels[i] ? Math.Log(Baseline.Rate) : Math.Log(1 - Baseline.Rate);
            brier += (p - y) * (p - y);
            baselineBrier += (Baseline.Rate - y) * (Baseline.Rate - y);
            meanPredicted += probabilities[i];
        }

        logLossNats /= n;
        baselineNats /= n;
        brier /= n;
        baselineBrier /= n;
        meanPredicted /= n;
        var prevalence = positives / (double)n;
        var entropyBits = BinaryEntropyBits(prevalence);
        var logLossBits = logLossNats / Math.Log(2);
        var auc = RankMetrics.AreaUnderRocCurve(probabilities, labels);
        var descending = DescendingOrder(probabilities);
        var (slope, intercept) = CalibrationLine(probabilities, labels);
        var reliability = Reliability(probabilities, labels);

        return new ModelMetrics
        {
            Count = n,
            Positives = positives,
            Prevalence = prevalence,
            AreaUnderRocCurve = auc,
            AreaUnderRocCurveStandardError = RankMetrics.AucStandardError(auc, positives, n - positives),
            AreaUnderPrecisionRecallCurve = RankMetrics.AreaUnderPrecisionRecallCurve(probabilities, labels),
            LogLoss = logLossBits,
            LogLossNats = logLossNats,
            Entropy = entropyBits,
            LogLossReduction = entropyBits == 0 ? double.NaN : (entropyBits - logLossBits) / entropyBits,
            BaselineLogLoss = baselineNats / Math.Log(2),
            LogLossReductionVsBaseline = 1 - (logLossNats / baselineNats),
            BrierScore = brier,
            BaselineBrierScore = baselineBrier,
            BrierSkillScore = 1 - (brier / baselineBrier),
            LiftAt10 = LiftAt(0.1, probabilities, descending, labels),
            LiftAt20 = LiftAt(0.2, probabilities, descending, labels),
            Reliability = reliability,
            ExpectedCalibrationError = reliability.Sum(b => b.Count * Math.Abs(b.MeanPredicted - b.ObservedRate)) / n,
            MeanPredicted = meanPredicted,
            CalibrationInTheLarge = meanPredicted - prevalence,
            CalibrationSlope = slope,
            CalibrationIntercept = intercept,
        };
    }

    /// <summary>
    /// The reply rate of the top <paramref name="fraction"/> of a ranking, against the 5 % baseline with Wilson bounds.
    /// A run of tied scores that the cut falls inside counts its replies pro rata.
    /// </summary>
    public static LiftAtFraction LiftAt(double fraction, ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels) =>
        LiftAt(fraction, probabilities, DescendingOrder(probabilities), labels);

    /// <summary>
    /// The expected lift of the top <paramref name="fraction"/> ranked by <paramref name="scores"/>: the mean true reply
    /// probability there, over 5 %. Only synthetic histories know true probabilities; unlike the realised lift it has
    /// no label noise, so it compares two rankings (a model's and the oracle's) without a 10 % sampling error.
    /// </summary>
    public static double ExpectedLiftAt(double fraction, ReadOnlySpan<double> scores, ReadOnlySpan<double> trueProbabilities)
    {
        if (scores.Length != trueProbabilities.Length || scores.Length == 0)
        {
            throw new ArgumentException("Need equally many scores and true probabilities, at least one.", nameof(scores));
        }

        var descending = DescendingOrder(scores);
        var count = TopCount(fraction, descending.Length);
        return TopSum(scores, descending, count, trueProbabilities) / count / Baseline.Rate;
    }

    internal static bool[] Labels(IReadOnlyList<HistoryRow> rows)
    {
        var labels = new bool[rows.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = rows[i].Replied;
        }

        return labels;
    }

    internal static double LogLossBits(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels)
    {
        double sum = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = Math.Clamp(probabilities[i], ProbabilityFloor, 1 - ProbabilityFloor);
            sum -= labels[i] ? Math.Log2(p) : Math.Log2(1 - p);
        }

        return sum / probabilities.Length;
    }

    private static LiftAtFraction LiftAt(double fraction, ReadOnlySpan<double> probabilities, int[] descending, ReadOnlySpan<bool> labels)
    {
        var count = TopCount(fraction, descending.Length);
        var values = new double[labels.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = labels[i] ? 1 : 0;
        }

        var replies = Math.Min(count, TopSum(probabilities, descending, count, values));
        var rate = replies / count;
        var interval = WilsonInterval.Of(replies, count);
        return new LiftAtFraction(fraction, count, replies, rate, rate / Baseline.Rate, interval.Lower / Baseline.Rate, interval.Upper / Baseline.Rate);
    }

    private static int TopCount(double fraction, int rows) => Math.Max(1, (int)Math.Ceiling(fraction * rows));

    /// <summary>
    /// The sum of <paramref name="values"/> over the <paramref name="count"/> top-scored rows. A run of tied scores
    /// that the cut falls inside adds its mean value per row taken: which tied rows come first is an accident of row
    /// order (e.g. the oldest sends), and taking them would let a constant score report any lift at all.
    /// </summary>
    private static double TopSum(ReadOnlySpan<double> scores, int[] descending, int count, ReadOnlySpan<double> values)
    {
        double sum = 0;
        var start = 0;
        while (start < count)
        {
            var end = start + 1;
            double run = values[descending[start]];
            while (end < descending.Length && scores[descending[end]] == scores[descending[start]])
            {
                run += values[descending[end]];
                end++;
            }

            var taken = Math.Min(end, count) - start;
            sum += taken == end - start ? run : run * taken / (end - start);
            start = end;
        }

        return sum;
    }

    private static int[] DescendingOrder(ReadOnlySpan<double> probabilities)
    {
        var negated = new double[probabilities.Length];
        for (var i = 0; i < negated.Length; i++)
        {
            negated[i] = -probabilities[i];
        }

        return RankMetrics.AscendingOrder(negated);
    }

    private static List<ReliabilityBin> Reliability(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels)
    {
        var order = RankMetrics.AscendingOrder(probabilities);
        var bins = new List<ReliabilityBin>(ReliabilityBins);
        var n = order.Length;
        for (var b = 0; b < ReliabilityBins; b++)
        {
            int from = (int)((long)b * n / ReliabilityBins), to = (int)((long)(b + 1) * n / ReliabilityBins);
            if (to == from)
            {
                continue;
            }

            double sumP = 0, replies = 0;
            for (var k = from; k < to; k++)
            {
                sumP += probabilities[order[k]];
                replies += labels[order[k]] ? 1 : 0;
            }

            bins.Add(new ReliabilityBin(sumP / (to - from), replies / (to - from), to - from));
        }

        return bins;
    }

    /// <summary>Logistic recalibration y ~ a + b·logit(p̂) (Cox 1958; Van Calster et al. 2019): returns (b, a).</summary>
    private static (double Slope, double Intercept) CalibrationLine(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels)
    {
        var n = probabilities.Length;
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var p = Math.Clamp(probabilities[i], 1e-9, 1 - 1e-9);
            x[i] = VectorMath.Logit(p);
            y[i] = labels[i] ? 1 : 0;
        }

        var fit = LogisticRegressionFitter.Fit(x, n, 1, y, 1e-9, new FitSettings(1e-7, 500), null, CancellationToken.None);
        return (fit.Weights[0], fit.Bias);
    }

    private static double BinaryEntropyBits(double p) =>
        p is <= 0 or >= 1 ? 0 : -((p * Math.Log2(p)) + ((1 - p) * Math.Log2(1 - p)));
}
