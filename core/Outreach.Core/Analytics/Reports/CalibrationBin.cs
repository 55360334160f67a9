namespace Outreach.Core.Analytics.Reports;

/// <summary>One predicted-probability bin of the reliability table.</summary>
/// <param name="Lower">Inclusive lower edge.</param>
/// <param name="Upper">Upper edge (exclusive, except 1.0).</param>
/// <param name="Sent">Scored sends whose prediction fell in the bin.</param>
/// <param name="Replies">Replies to those sends.</param>
/// <param name="PredictedMicros">Sum of their predicted probabilities, in millionths.</param>
public sealed record CalibrationBin(double Lower, double Upper, long Sent, long Replies, long PredictedMicros)
{
    /// <summary>Mean predicted probability in the bin, or null when it is empty.</summary>
    public double? MeanPredicted => Sent == 0 ? null : PredictedMicros / 1_000_000.0 / Sent;

    /// <summary>Observed reply rate in the bin, or null when it is empty.</summary>
    public double? ObservedRate => Sent == 0 ? null : (double)Math.Min(Replies, Sent) / Sent;
}
