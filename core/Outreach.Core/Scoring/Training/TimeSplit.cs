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
    /// Rows sent at the same instant stay in one part where they can, and are otherwise ordered by owner and outreach
    /// id, so the same history always splits the same way whatever order it was read in.
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
        var n = ordered.Count;
        var holdOutStart = n - (int)Math.Round(holdOutFraction * n);
        var calibrationStart = holdOutStart - (int)Math.Round(calibrationFraction * n);
        holdOutStart = KeepTiesTogether(ordered, holdOutStart, calibrationStart, n);
        calibrationStart = KeepTiesTogether(ordered, calibrationStart, 0, holdOutStart + 1);
        return (ordered[..calibrationStart], ordered[calibrationStart..holdOutStart], ordered[holdOutStart..]);
    }

    /// <summary>
    /// Moves a cut off a run of sends at one instant, so no part holds a row sent after a row of the next part and
    /// "sent after the latest fitted row" names exactly the rows a model never learnt from: earlier (the run goes to
    /// the later part) while the earlier part keeps a row, else later while the later part keeps one, else (every row
    /// between the bounds sent at once) where it was.
    /// </summary>
    /// <param name="rows">The rows, oldest first.</param>
    /// <param name="cut">The first row of the later part.</param>
    /// <param name="lowest">The first row of the earlier part.</param>
    /// <param name="end">One past the last row the later part may end on.</param>
    private static int KeepTiesTogether(List<HistoryRow> rows, int cut, int lowest, int end)
    {
        bool Tied(int at) => at > 0 && at < rows.Count && rows[at - 1].Features.SentAt.UtcTicks == rows[at].Features.SentAt.UtcTicks;
        var earlier = cut;
        while (earlier > lowest && Tied(earlier))
        {
            earlier--;
        }

        if (earlier > lowest)
        {
            return earlier;
        }

        var later = cut;
        while (later < end - 1 && Tied(later))
        {
            later++;
        }

        return Tied(later) ? cut : later;
    }
}
