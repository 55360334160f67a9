using System.Globalization;
using Outreach.Core.Analytics.Reports;

namespace Outreach.Functions.Metrics;

/// <summary>The JSON answer of <c>GET /api/metrics</c>: the query as understood, the 5 % baseline, and one row per group.</summary>
internal sealed record MetricsResponse(string GroupBy, DateOnly From, DateOnly To, double Baseline, IReadOnlyList<string> Owners, IReadOnlyList<MetricsRow> Rows)
{
    public static MetricsResponse Of(MetricsReport report) => new(
        GroupName(report), report.Query.From, report.Query.To, report.Baseline, report.Query.OwnerIds, report.Rows);

    public static string CsvFileName(MetricsReport report) => string.Create(
        CultureInfo.InvariantCulture, $"metrics-{GroupName(report)}-{report.Query.From:yyyy-MM-dd}-{report.Query.To:yyyy-MM-dd}.csv");

    private static string GroupName(MetricsReport report) => report.Query.GroupBy.ToString().ToLowerInvariant();
}
