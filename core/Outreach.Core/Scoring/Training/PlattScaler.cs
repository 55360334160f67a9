namespace Outreach.Core.Scoring.Training;

/// <summary>
/// Fits Platt scaling (Platt 1999) on held-out raw log-odds with his smoothed targets, (N₊+1)/(N₊+2) for replies and
/// 1/(N₋+2) for the rest, which keeps the fit finite on small or separable calibration sets.
/// </summary>
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
        return new PlattCalibration(fit.Weights[0], fit.Bias);
    }
}
