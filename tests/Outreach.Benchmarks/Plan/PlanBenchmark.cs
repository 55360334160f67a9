using System.Diagnostics;
using Outreach.Benchmarks.Infrastructure;
using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Planning;
using Outreach.Storage;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;

namespace Outreach.Benchmarks.Plan;

/// <summary>
/// Planning throughput (enrolling N contacts into the class-visit campaign) and the cost of finding due work with the
/// in-memory due index when 10 vs 10,000 owners have nothing due and 1,000 tasks are due: the ratio should stay near 1.
/// Then the same scan over the table stores on Azurite (<see cref="StorageDueScan"/>); <c>--memory-only</c> skips it.
/// </summary>
internal sealed class PlanBenchmark : IBenchmark
{
    private const int DueTasks = 1_000;
    private const int ScanRepetitions = 200;

    private static readonly DateTimeOffset Now = new(2026, 3, 9, 10, 0, 0, TimeSpan.Zero);

    public string Name => "plan";

    public string Description => "tasks planned per second (--contacts N, default 100000); due-scan time with 10 vs 10,000 idle owners, in memory and on Azurite (--memory-only skips Azurite)";

    public async Task RunAsync(BenchmarkArguments arguments, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var contacts = arguments.Int("contacts", 100_000);
        MeasurePlanning(contacts, report);
        var few = await BuildIndexAsync(10, cancellationToken);
        var many = await BuildIndexAsync(10_000, cancellationToken);
        var (fewOwners, manyOwners) = await DueScanTimer.MeasureAsync(few, many, Now, DueTasks, ScanRepetitions, warmUps: 20, cancellationToken);
        report.Figure("plan.due_scan_10_idle_owners", fewOwners.TotalMicroseconds, "us");
        report.Figure("plan.due_scan_10000_idle_owners", manyOwners.TotalMicroseconds, "us");
        report.Ratio("plan.due_scan_10000_vs_10_owners", manyOwners.TotalMicroseconds, fewOwners.TotalMicroseconds);
        if (!arguments.Flag("memory-only"))
        {
            await MeasureStorageDueScansAsync(report, cancellationToken);
        }
    }

    /// <summary>The same scan over the table stores on a fresh Azurite (about a minute, mostly writing the tables).</summary>
    private static async Task MeasureStorageDueScansAsync(BenchmarkReport report, CancellationToken cancellationToken)
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var scan = new StorageDueScan(StorageAccount.FromConnectionString(azurite.ConnectionString), Now, DueTasks);
            var few = await scan.BuildAsync(10, cancellationToken);
            var many = await scan.BuildAsync(10_000, cancellationToken);
            report.Figure("plan.storage_write_10000_idle_owners", many.WriteTime.TotalSeconds, "s");
            report.Figure("plan.storage_entities_10000_idle_owners", many.Entities, "tasks");
            var (fewOwners, manyOwners) = await scan.MeasureAsync(few.Index, many.Index, cancellationToken);
            report.Figure("plan.storage_due_scan_10_idle_owners", fewOwners.TotalMilliseconds, "ms");
            report.Figure("plan.storage_due_scan_10000_idle_owners", manyOwners.TotalMilliseconds, "ms");
            report.Ratio("plan.storage_due_scan_ratio_10k_vs_10", manyOwners.TotalMilliseconds, fewOwners.TotalMilliseconds);
            report.Figure("plan.storage_empty_bucket_read_10_idle_owners", (await StorageDueScan.MeasureEmptyBucketAsync(few.Index, cancellationToken)).TotalMilliseconds, "ms");
            report.Figure("plan.storage_empty_bucket_read_10000_idle_owners", (await StorageDueScan.MeasureEmptyBucketAsync(many.Index, cancellationToken)).TotalMilliseconds, "ms");
            var pointFew = await StorageDueScan.MeasurePointReadAsync(scan.IndexTable(10), cancellationToken);
            var pointMany = await StorageDueScan.MeasurePointReadAsync(scan.IndexTable(10_000), cancellationToken);
            report.Figure("plan.storage_point_read_10_idle_owners", pointFew.TotalMilliseconds, "ms");
            report.Figure("plan.storage_point_read_10000_idle_owners", pointMany.TotalMilliseconds, "ms");
            report.Ratio("plan.storage_point_read_ratio_10k_vs_10", pointMany.TotalMilliseconds, pointFew.TotalMilliseconds);
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static void MeasurePlanning(int count, BenchmarkReport report)
    {
        var clock = new ManualTimeProvider(Now);
        var planner = new CampaignPlanner(clock);
        var sender = SenderSchedule.ForZone("Europe/London");
        var campaign = DefaultCampaigns.ClassVisitFollowUp("student-1");
        var contacts = Enumerable.Range(0, count).Select(MakeContact).ToList();

        planner.Enroll(campaign, contacts.Take(1_000), sender, SuppressionList.None); // warm-up: JIT and zone caches
        // CPU time is reported beside wall time because the build machine is shared: wall time shows what a user waits,
        // CPU time what the planner costs.
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var plan = planner.Enroll(campaign, contacts, sender, SuppressionList.None);
        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        report.Figure("plan.contacts", count, "contacts");
        report.Figure("plan.tasks", plan.Tasks.Count, "tasks");
        report.Figure("plan.tasks_per_second", plan.Tasks.Count / watch.Elapsed.TotalSeconds, "tasks/s");
        report.Figure("plan.tasks_per_cpu_second", plan.Tasks.Count / cpu.TotalSeconds, "tasks/s");
    }

    private static Contact MakeContact(int i) => new()
    {
        OwnerId = "student-1",
        ContactId = "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Email = i % 2 == 0 ? $"person{i}@example.org" : null,
        Events = [new EventMet("Class visit", new DateOnly(2026, 3, 2).AddDays(i % 28))],
    };

    /// <summary>An index holding 10 future tasks for each idle owner and 1,000 tasks due in the last ten minutes.</summary>
    private static async Task<InMemoryDueIndex> BuildIndexAsync(int idleOwners, CancellationToken cancellationToken)
    {
        var index = new InMemoryDueIndex();
        for (var owner = 0; owner < idleOwners; owner++)
        {
            for (var day = 1; day <= 10; day++)
            {
                var due = Now.AddDays(day * 3);
                await index.UpsertAsync(new DueIndexEntry(DueBuckets.KeyOf(due), $"idle-{owner}", $"task-{day}", due), cancellationToken);
            }
        }

        for (var task = 0; task < DueTasks; task++)
        {
            var due = Now.AddSeconds(-(task % 600));
            await index.UpsertAsync(new DueIndexEntry(DueBuckets.KeyOf(due), $"busy-{task % 100}", $"task-{task}", due), cancellationToken);
        }

        return index;
    }
}
