extern alias handler;

using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Outreach.Benchmarks.Infrastructure;
using Outreach.Core.Accounts;
using Outreach.Core.Analytics.Counters;
using Outreach.Storage;
using Outreach.Storage.Stores;
using Outreach.Testing.LocalServices;

namespace Outreach.Benchmarks.Metrics;

/// <summary>
/// Latency of <c>GET /api/metrics</c> for an owner with a year of counters from <c>--tasks</c> tasks (100 000 by default)
/// against an owner with 100, in the same run, through the real handler in process on Azurite. Each owner is asked
/// what the dashboard asks (groupBy owner, week, step and template over the default twelve weeks) <c>--requests</c>
/// times; reads touch days × groups cells, so the two owners' latencies should be close (target p95 &lt; 250 ms).
/// </summary>
internal sealed class MetricsBenchmark : IBenchmark
{
    private const int SmallTasks = 100;
    private const int MetricsDefaultDays = handler::Outreach.Functions.Metrics.MetricsRange.DefaultDays;
    private static readonly string[] Groupings = ["owner", "week", "step", "template"];
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public string Name => "metrics";

    public string Description => "p50/p95 of GET /api/metrics for an owner with --tasks 100000 vs one with 100 (--requests 200)";

    public async Task RunAsync(BenchmarkArguments arguments, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var tasks = arguments.Int("tasks", 100_000);
        var requests = arguments.Int("requests", 200);
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            using var app = InProcessApp.Start(azurite.ConnectionString);
            using var large = await CreateOwnerAsync(app, "bench-large", tasks, report, cancellationToken);
            using var small = await CreateOwnerAsync(app, "bench-small", SmallTasks, report, cancellationToken);

            // Warm-up: JIT, connection pool and the first table creation are not what is measured.
            await MeasureAsync(large, 20, cancellationToken);
            await MeasureAsync(small, 20, cancellationToken);

            // Interleaved rounds, so load from the other agents on this machine falls on both owners alike.
            var largeTimes = new List<double>();
            var smallTimes = new List<double>();
            for (var round = 0; round < 4; round++)
            {
                largeTimes.AddRange(await MeasureAsync(large, requests / 4, cancellationToken));
                smallTimes.AddRange(await MeasureAsync(small, requests / 4, cancellationToken));
            }

            report.Figure("metrics.large.p50_ms", Percentile(largeTimes, 0.50), "ms");
            report.Figure("metrics.large.p95_ms", Percentile(largeTimes, 0.95), "ms");
            report.Figure("metrics.small.p50_ms", Percentile(smallTimes, 0.50), "ms");
            report.Figure("metrics.small.p95_ms", Percentile(smallTimes, 0.95), "ms");
            report.Figure("metrics.requests_per_owner", largeTimes.Count, "requests");
            report.Ratio("metrics.p95_large_over_small", Percentile(largeTimes, 0.95), Percentile(smallTimes, 0.95));
            report.Ratio("metrics.p95_target_250ms_over_large_p95", 250, Percentile(largeTimes, 0.95), target: 1.0);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task<HttpClient> CreateOwnerAsync(
        InProcessApp app, string ownerId, int tasks, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var accounts = app.Services.GetRequiredService<AccountService>();
        await accounts.CreateAccountAsync(ownerId, AccountKind.Owner, ownerId, London.Id, cancellationToken);
        var key = await accounts.IssueKeyAsync(ownerId, ApiScopes.OwnerDefault, "benchmark", cancellationToken);

        var stores = app.Services.GetRequiredService<TableStores>();
        await stores.CreateTablesAsync(cancellationToken);
        var today = OwnerCalendar.LocalDate(TimeProvider.System.GetUtcNow(), London);
        var memory = new InMemoryCounterStore();
        var seeding = Stopwatch.StartNew();
        var recorded = await SyntheticMetricsHistory.RecordAsync(memory, ownerId, tasks, today, London, cancellationToken);
        var table = app.Services.GetRequiredService<StorageAccount>().GetTable(app.Services.GetRequiredService<IOptions<StoreTableNames>>().Value.Counters);
        var cells = await CounterTableSeeder.CopyAsync(memory, table, ownerId, today.AddDays(-400), today, cancellationToken);
        report.Figure($"metrics.{ownerId}.tasks", recorded, "tasks");
        report.Figure($"metrics.{ownerId}.counter_cells", cells, "cells");
        report.Figure($"metrics.{ownerId}.seed_seconds", seeding.Elapsed.TotalSeconds, "s");
        report.Figure($"metrics.{ownerId}.cells_per_request", await CellsPerRequestAsync(memory, ownerId, today, cancellationToken), "cells");

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.PlainText);
        return client;
    }

    // What one request reads: the cells of its grouping's dimension over the default range. This, not the number of
    // tasks, is what a read costs, and it is why a sparse 100-task owner still reads less than a busy one.
    private static async Task<double> CellsPerRequestAsync(InMemoryCounterStore memory, string ownerId, DateOnly today, CancellationToken cancellationToken)
    {
        DimensionKind[] kinds = [DimensionKind.Owner, DimensionKind.Owner, DimensionKind.Step, DimensionKind.Template];
        var cells = 0;
        foreach (var kind in kinds)
        {
            cells += (await memory.ReadAsync(ownerId, kind, today.AddDays(1 - MetricsDefaultDays), today, cancellationToken)).Count;
        }

        return cells / (double)kinds.Length;
    }

    private static async Task<List<double>> MeasureAsync(HttpClient client, int count, CancellationToken cancellationToken)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(new Uri($"/api/metrics?groupBy={Groupings[i % Groupings.Length]}", UriKind.Relative), cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        return times;
    }

    private static double Percentile(List<double> values, double share)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Ceiling(share * sorted.Length) - 1];
    }
}
