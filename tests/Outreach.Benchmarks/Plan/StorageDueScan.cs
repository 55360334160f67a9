using System.Diagnostics;
using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Storage;
using Outreach.Storage.Stores.Planning;
using Outreach.Storage.Tables;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Benchmarks.Plan;

/// <summary>
/// The dispatcher's due scan over the real table stores on Azurite: 1,000 tasks due in the last ten minutes, plus one
/// task per idle owner due days ahead, all written with batched inserts into <c>Tasks</c> and <c>DueIndex</c>. The
/// scan reads only the elapsed buckets, so 10,000 idle owners should cost the same as 10. On Azurite it costs somewhat
/// more: its in-memory tables answer every query by filtering the whole table (LokiJS <c>where</c> with a predicate, no
/// partition index), which the empty-bucket figure isolates; Table Storage serves partition queries from its index.
/// </summary>
internal sealed class StorageDueScan(StorageAccount account, DateTimeOffset now, int dueTasks)
{
    private const int Repetitions = 41;
    private const int WarmUps = 3;

    /// <summary>Writes one scenario's tables and returns its due index.</summary>
    public async Task<(TableDueIndex Index, TimeSpan WriteTime, int Entities)> BuildAsync(int idleOwners, CancellationToken cancellationToken)
    {
        var suffix = idleOwners.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tasksTable = await CreateAsync("BenchTasks" + suffix, cancellationToken);
        var indexTable = await CreateAsync("BenchDueIndex" + suffix, cancellationToken);
        var index = new TableDueIndex(indexTable);
        var tasks = Enumerable.Range(0, dueTasks).Select(i => Task($"busy-{i % 100}", i, now.AddSeconds(-(i % 600))))
            .Concat(Enumerable.Range(0, idleOwners).Select(o => Task($"idle-{o}", 0, now.AddDays(3).AddMinutes(5 * (o % 100)))))
            .ToList();

        var watch = Stopwatch.StartNew();
        var inserts = tasks.Select(t => new TableTransactionAction(TableTransactionActionType.Add, TaskEntity.From(t)));
        await Parallel.ForEachAsync(
            inserts.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal).Chunk(50),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (owners, ct) => await tasksTable.SubmitInBatchesAsync(owners.SelectMany(o => o), ct));
        await index.UpsertManyAsync(tasks.Select(t => new DueIndexEntry(DueBuckets.KeyOf(t.DueUtc), t.OwnerId, t.TaskId, t.DueUtc)), cancellationToken);
        watch.Stop();
        return (index, watch.Elapsed, tasks.Count);
    }

    /// <summary>Median scan time on each index (see <see cref="DueScanTimer"/>).</summary>
    public Task<(TimeSpan Few, TimeSpan Many)> MeasureAsync(IDueIndex few, IDueIndex many, CancellationToken cancellationToken) =>
        DueScanTimer.MeasureAsync(few, many, now, dueTasks, Repetitions, WarmUps, cancellationToken);

    /// <summary>
    /// Median time to read a bucket that holds nothing: what the service spends per partition query before any row is
    /// returned. Azurite's in-memory tables filter a whole table per query, so this grows with the table there; Table
    /// Storage serves a partition query from its partition index.
    /// </summary>
    public static async Task<TimeSpan> MeasureEmptyBucketAsync(IDueIndex index, CancellationToken cancellationToken)
    {
        var timings = new List<TimeSpan>();
        for (var run = 0; run < Repetitions + WarmUps; run++)
        {
            var watch = Stopwatch.StartNew();
            var entries = await index.ReadBucketAsync("due-200001010000", cancellationToken);
            watch.Stop();
            if (entries.Count != 0)
            {
                throw new InvalidOperationException("The empty bucket holds entries.");
            }

            if (run >= WarmUps)
            {
                timings.Add(watch.Elapsed);
            }
        }

        return DueScanTimer.Median(timings);
    }

    /// <summary>
    /// Median time of one point read (PartitionKey + RowKey) of a due-index row that does not exist. Azurite answers
    /// point reads from its PartitionKey/RowKey indices rather than by filtering the table, so unlike a partition query
    /// this should not grow with the number of idle owners: the bound a per-bucket point-read layout could reach.
    /// </summary>
    public static async Task<TimeSpan> MeasurePointReadAsync(TableClient indexTable, CancellationToken cancellationToken)
    {
        var timings = new List<TimeSpan>();
        for (var run = 0; run < Repetitions + WarmUps; run++)
        {
            var watch = Stopwatch.StartNew();
            var row = await indexTable.GetAsync("due-200001010000", "nobody|nothing", cancellationToken);
            watch.Stop();
            if (row is not null)
            {
                throw new InvalidOperationException("The empty bucket holds the row.");
            }

            if (run >= WarmUps)
            {
                timings.Add(watch.Elapsed);
            }
        }

        return DueScanTimer.Median(timings);
    }

    /// <summary>The due-index table of a scenario built by <see cref="BuildAsync"/>.</summary>
    public TableClient IndexTable(int idleOwners) => account.GetTable("BenchDueIndex" + idleOwners.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<TableClient> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var table = account.GetTable(name);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }

    private static OutreachTask Task(string ownerId, int number, DateTimeOffset dueUtc) => new()
    {
        TaskId = TaskIds.ForCampaignStep(ownerId, "class-visit", "c" + number.ToString(System.Globalization.CultureInfo.InvariantCulture), "thank-you"),
        OwnerId = ownerId,
        ContactId = "c" + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CampaignId = "class-visit",
        StepId = "thank-you",
        Template = TemplateKind.ThankYou,
        Channel = TaskChannel.Email,
        DueUtc = dueUtc,
    };
}
