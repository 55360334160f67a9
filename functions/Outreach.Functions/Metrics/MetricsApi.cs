using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Core.Analytics.Export;
using Outreach.Core.Analytics.Reports;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;
using Outreach.Functions.Sending;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Metrics;

/// <summary>
/// <c>GET /api/metrics?from=&amp;to=&amp;groupBy=&amp;format=</c> (function <c>GetMetrics</c>, read scope): the owner's figures
/// from the metric counters alone, so an answer costs owners × days × groups reads whatever the history behind them.
/// JSON by default; <c>format=csv</c> downloads the same rows as a spreadsheet-safe CSV. A coach asking for
/// <c>groupBy=owner|cohort</c> without naming a client gets every client who consented to reads, and nobody else, grouped
/// by the cohorts the coach files them under; <c>cohort=</c> narrows that view to one cohort (<see cref="MetricsOwners"/>).
/// </summary>
internal static class MetricsApi
{
    public const string FunctionName = "GetMetrics";

    private const string RangeInverted = "metrics.range-inverted";
    private const string RangeTooLong = "metrics.range-too-long";

    public static IServiceCollection AddMetricsApi(this IServiceCollection services) =>
        services.AddSingleton(sp => new MetricsReader(sp.GetRequiredService<TableStores>().Counters))
            .AddSingleton<MetricsOwners>();

    public static RouteHandlerBuilder MapMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/metrics", GetAsync).AsFunction(FunctionName).WithName(FunctionName).RequireScope(ApiScopes.Read);

    private static async Task<IResult> GetAsync(
        HttpContext context,
        MetricsOwners owners,
        MetricsReader reader,
        SendingTables tables,
        TimeProvider time,
        string? from,
        string? to,
        string? groupBy,
        string? format,
        CancellationToken cancellationToken)
    {
        var csv = ParseFormat(format);
        _ = MetricsQuery.ParseGroupBy(groupBy); // a bad grouping is refused before anything is looked up
        if (await owners.ResolveAsync(context, cancellationToken).ConfigureAwait(false) is not { } reach)
        {
            return OwnerAccess.NotFound();
        }

        var range = await MetricsRange.ResolveAsync(from, to, ct => reach.TodayAsync(time, ct), cancellationToken).ConfigureAwait(false);
        var query = Parse(reach.OwnerIds, range, groupBy, toLeftOut: string.IsNullOrWhiteSpace(to)) with
        {
            AsOf = MetricsRange.WindowsAsOf(time.GetUtcNow()),
            Cohorts = reach.Cohorts,
        };
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var report = await reader.ReadAsync(query, cancellationToken).ConfigureAwait(false);
        if (!csv)
        {
            return TypedResults.Ok(MetricsResponse.Of(report));
        }

        return TypedResults.Stream(
            async body =>
            {
                // With a byte order mark, so a spreadsheet opens accented cohort, event and template names as UTF-8.
                await using var writer = new StreamWriter(body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
                await MetricsCsvWriter.WriteAsync(report, writer, cancellationToken).ConfigureAwait(false);
            },
            "text/csv; charset=utf-8",
            MetricsResponse.CsvFileName(report));
    }

    /// <summary>
    /// The query; a range that is inverted or too long only because 'to' was left out (so it ends today) is refused
    /// naming 'from', the one date the caller wrote, and saying which day the range ended on.
    /// </summary>
    private static MetricsQuery Parse(IReadOnlyList<string> ownerIds, (string From, string To) range, string? groupBy, bool toLeftOut)
    {
        try
        {
            return MetricsQuery.Parse(ownerIds, range.From, range.To, groupBy);
        }
        catch (DomainException e) when (toLeftOut && e.Code is RangeInverted or RangeTooLong)
        {
            var today = DateOnly.ParseExact(range.To, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            throw new DomainException(
                e.Code,
                e.Code == RangeInverted
                    ? $"'from' is after today, {range.To}, where a range without 'to' ends."
                    : string.Create(
                        CultureInfo.InvariantCulture,
                        $"A metrics range covers at most {MetricsQuery.MaxDays} days and one without 'to' ends today, {range.To}: 'from' must be {today.AddDays(1 - MetricsQuery.MaxDays):yyyy-MM-dd} or later."),
                "from");
        }
    }

    private static bool ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "json" => false,
        "csv" => true,
        _ => throw new DomainException("metrics.format-unknown", "'format' must be json or csv.", "format"),
    };
}
