namespace Outreach.Core.Scoring.Evaluation;

/// <summary>Mean, standard deviation and standard error of a metric change over permutation repeats (ML.NET's <c>MetricStatistics</c>).</summary>
/// <param name="Mean">Mean change (permuted − baseline).</param>
/// <param name="StandardDeviation">Sample standard deviation over repeats (0 for one repeat).</param>
/// <param name="StandardError">StandardDeviation / √repeats.</param>
public sealed record MetricStatistics(double Mean, double StandardDeviation, double StandardError)
{
    internal static MetricStatistics Of(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var sd = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        return new MetricStatistics(mean, sd, sd / Math.Sqrt(values.Count));
    }
}
