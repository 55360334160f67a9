using System.Diagnostics.CodeAnalysis;

namespace Outreach.Core.Analytics.Reports;

/// <summary>The answer to a <see cref="MetricsQuery"/>: one row per group, ordered by group key (ordinal).</summary>
/// <param name="Query">The query answered.</param>
/// <param name="Rows">The rows; a group with no counts in range has no row.</param>
public sealed record MetricsReport(MetricsQuery Query, IReadOnlyList<MetricsRow> Rows)
{
    /// <summary>The baseline every rate is shown against (5 %).</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance member so JSON answers carry the baseline beside each rate.")]
    public double Baseline => Analytics.Baseline.Rate;
}
