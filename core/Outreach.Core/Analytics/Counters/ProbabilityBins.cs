namespace Outreach.Core.Analytics.Counters;

/// <summary>
/// Fixed bins for predicted reply probabilities, so calibration and model lift can be kept as counters.
/// The reference (ml.md §5) prefers equal-count bins, but those move as data arrives and cannot be counted
/// incrementally; instead the edges are dense around the 5 % baseline, where almost all predictions fall,
/// and coarse above 0.5, where few do: [0, .02), [.02, .04), [.04, .06), [.06, .08), [.08, .10), [.10, .15),
/// [.15, .20), [.20, .30), [.30, .50), [.50, 1].
/// </summary>
public static class ProbabilityBins
{
    private static readonly double[] LowerEdges = [0.0, 0.02, 0.04, 0.06, 0.08, 0.10, 0.15, 0.20, 0.30, 0.50];

    /// <summary>Number of bins.</summary>
    public static int Count => LowerEdges.Length;

    /// <summary>Inclusive lower edge of <paramref name="bin"/>.</summary>
    /// <param name="bin">A bin index.</param>
    public static double LowerOf(int bin) => LowerEdges[bin];

    /// <summary>Upper edge of <paramref name="bin"/> (exclusive, except 1.0 for the last bin).</summary>
    /// <param name="bin">A bin index.</param>
    public static double UpperOf(int bin) => bin + 1 < LowerEdges.Length ? LowerEdges[bin + 1] : 1.0;

    /// <summary>The bin a probability falls in.</summary>
    /// <param name="probability">A probability in [0, 1].</param>
    public static int IndexOf(double probability)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1.0);
        var bin = LowerEdges.Length - 1;
        while (LowerEdges[bin] > probability)
        {
            bin--;
        }

        return bin;
    }

    /// <summary>A probability in millionths, the unit the predicted-probability sums are counted in.</summary>
    /// <param name="probability">A probability in [0, 1].</param>
    public static long ToMicros(double probability) => (long)Math.Round(probability * 1_000_000, MidpointRounding.AwayFromZero);
}
