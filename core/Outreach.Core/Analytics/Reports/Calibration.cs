namespace Outreach.Core.Analytics.Reports;

/// <summary>
/// How well the response model's probabilities matched what happened, over scored sends: calibration in the
/// large (mean predicted vs observed), the expected calibration error over the fixed bins and the bins themselves.
/// </summary>
/// <param name="Scored">Scored sends.</param>
/// <param name="MeanPredicted">Mean predicted reply probability.</param>
/// <param name="ObservedRate">Observed reply rate of the same sends.</param>
/// <param name="ExpectedCalibrationError">Σ over bins of (bin sends ÷ scored) × |mean predicted − observed|.</param>
/// <param name="Bins">The reliability table, one entry per fixed bin (empty bins included).</param>
public sealed record Calibration(
    long Scored,
    double MeanPredicted,
    double ObservedRate,
    double ExpectedCalibrationError,
    IReadOnlyList<CalibrationBin> Bins)
{
    /// <summary>The calibration of these bins, or null when no send was scored.</summary>
    /// <param name="bins">The bins in order of <see cref="Counters.ProbabilityBins"/>.</param>
    public static Calibration? From(IReadOnlyList<CalibrationBin> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        var scored = bins.Sum(b => b.Sent);
        if (scored == 0)
        {
            return null;
        }

        var meanPredicted = bins.Sum(b => b.PredictedMicros) / 1_000_000.0 / scored;
        var observed = (double)Math.Min(bins.Sum(b => b.Replies), scored) / scored;
        var error = bins
            .Where(b => b.Sent > 0)
            .Sum(b => (double)b.Sent / scored * Math.Abs(b.MeanPredicted!.Value - b.ObservedRate!.Value));
        return new Calibration(scored, meanPredicted, observed, error, bins);
    }
}
