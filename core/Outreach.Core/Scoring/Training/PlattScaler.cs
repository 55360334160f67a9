namespace Outreach.Core.Scoring.Training;

/// <summary>
/// Fits Platt scaling (Platt 1999) on held-out raw log-odds with his smoothed targets, (N₊+1)/(N₊+2) for replies and
/// 1/(N₋+2) for the rest, which keeps the fit finite on small or separable calibration sets.
/// </summary>
/// <remarks>
/// Calibration must not change the ranking. On a small calibration set (a 2,000-send history holds about ten replies
/// there) the replies can by chance sit among the lower raw scores, and the fitted slope comes out at or below zero,
/// which would turn a ranking learnt on seven times as many rows upside down (the hold-out AUC of a 0.7 model then reads
/// 0.3, and the gate refuses it as "no better than chance"). Then only the intercept is fitted, with the slope kept
/// at 1: the calibration rows still set the level of the probabilities, the training rows keep the order.
/// </remarks>
internal static class PlattScaler
{
    public static PlattCalibration Fit(ReadOnlySpan<double> rawLogOdds, ReadOnlySpan<bool> labels, CancellationToken cancellationToken)
    {
        var positives = 0;
        foreach (var label in labels)
        {
            positives += label ? 1 : 0;
        }

        var negatives = labels.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return PlattCalibration.Identity;
        }

        double hi = (positives + 1.0) / (positives + 2.0), lo = 1.0 / (negatives + 2.0);
        var targets = new double[labels.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = labels[i] ? hi : lo;
        }

        var fit = LogisticRegressionFitter.Fit(rawLogOdds.ToArray(), rawLogOdds.Length, 1, targets, 1e-9, new FitSettings(1e-8, 500), null, cancellationToken);
        return fit.Weights[0] > 0 ? new PlattCalibration(fit.Weights[0], fit.Bias) : new PlattCalibration(1, InterceptWithUnitSlope(rawLogOdds, targets));
    }

    /// <summary>
    /// The b minimising the log-loss of σ(s + b) against the targets, by Newton's method (the loss is convex in b): the
    /// mean calibrated probability then equals the mean target.
    /// </summary>
    private static double InterceptWithUnitSlope(ReadOnlySpan<double> rawLogOdds, double[] targets)
    {
        var b = 0.0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double gradient = 0, curvature = 0;
            for (var i = 0; i < targets.Length; i++)
            {
                var p = VectorMath.Sigmoid(rawLogOdds[i] + b);
                gradient += p - targets[i];
                curvature += p * (1 - p);
            }

            // A step is capped so scores far in a tail (curvature near 0) cannot throw b past the optimum.
            var step = Math.Clamp(gradient / Math.Max(curvature, 1e-12), -5, 5);
            b -= step;
            if (Math.Abs(step) < 1e-12)
            {
                break;
            }
        }

        return b;
    }
}
