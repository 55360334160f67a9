using Outreach.Core.Scoring.History;

namespace Outreach.Core.Scoring.Training;

/// <summary>
/// Splits a history by send time: the oldest rows train the weights, the next ones calibrate them, and the latest are
/// held out. A model is used on outreaches sent after it was trained, so it is judged the same way: on sends later than
/// every row it was fitted or calibrated on, never on rows interleaved with them (a random split would judge it on the
/// same weeks, contacts and campaigns it learnt from and overstate its lift).
/// </summary>
public static class TimeSplit
{
    /// <summary>Splits <paramref name="rows"/> into training, calibration and hold-out parts, each oldest send first.</summary>
    /// <param name="rows">The history, in any order.</param>
    /// <param name="holdOutFraction">Share of rows, the latest, held out.</param>
    /// <param name="calibrationFraction">Share of rows, the latest before the hold-out, kept for calibration.</param>
    /// <remarks>
    /// Rows sent at the same instant are ordered by owner and outreach id, so the same history always splits the same
    /// way whatever order it was read in.
    /// </remarks>
    public static (List<HistoryRow> Training, List<HistoryRow> Calibration, List<HistoryRow> HoldOut) Split(
        IReadOnlyList<HistoryRow> rows, double holdOutFraction, double calibrationFraction)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (holdOutFraction < 0 || calibrationFraction < 0 || holdOutFraction + calibrationFraction >= 1)
        {
            throw new ArgumentException("Fractions must be non-negative and sum to less than 1.", nameof(holdOutFraction));
        }

        var ordered = rows
            .OrderBy(r => r.Features.SentAt.UtcTicks)
            .ThenBy(r => r.OwnerId, StringComparer.Ordinal)
            .ThenBy(r => r.OutreachId, StringComparer.Ordinal)
            .ToList();
        var holdOut = (int)Math.Round(holdOutFraction * ordered.Count);
        var calibration = (int)Math.Round(calibrationFraction * ordered.Count);
        var training = ordered.Count - holdOut - calibration;
        return (ordered[..training], ordered.GetRange(training, calibration), ordered[(training + calibration)..]);
    }
}
