using System.Diagnostics;
using Outreach.Benchmarks.Infrastructure;
using Outreach.Storage;
using Outreach.Storage.Queues;
using Outreach.Storage.Tables;
using Outreach.Testing.LocalServices;

namespace Outreach.Benchmarks.Storage;

/// <summary>
/// Throughput of the storage client against a local Azurite: table inserts one by one vs. in transactions of
/// 100 (the batch path the planner and importer use), and the queue's put + get + delete cycle. Requests are
/// sequential, so the figures are latency-bound, like one worker.
/// </summary>
internal sealed class StorageBenchmark : IBenchmark
{
    public string Name => "storage";

    public string Description => "table single vs batched inserts/s and queue put+get+delete messages/s on Azurite (--entities 2000, --messages 1000)";

    public async Task RunAsync(BenchmarkArguments arguments, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var entities = arguments.Int("entities", 2000);
        var messages = arguments.Int("messages", 1000);
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var account = StorageAccount.FromConnectionString(azurite.ConnectionString);
            var single = await SingleInsertsPerSecondAsync(account, entities, cancellationToken);
            report.Figure("storage.table.single_inserts_per_s", single, "entities/s");
            var batched = await BatchedInsertsPerSecondAsync(account, entities, cancellationToken);
            report.Figure("storage.table.batched_inserts_per_s", batched, "entities/s");
            report.Ratio("storage.table.batch_vs_single", batched, single, target: 5);
            report.Figure("storage.queue.put_get_delete_per_s", await QueueCyclesPerSecondAsync(account, messages, cancellationToken), "messages/s");
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task<double> SingleInsertsPerSecondAsync(StorageAccount account, int count, CancellationToken cancellationToken)
    {
        var table = account.GetTable("singles");
        await table.CreateIfNotExistsAsync(cancellationToken);
        var timer = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await table.InsertAsync(Entity(i), cancellationToken);
        }

        return count / timer.Elapsed.TotalSeconds;
    }

    private static async Task<double> BatchedInsertsPerSecondAsync(StorageAccount account, int count, CancellationToken cancellationToken)
    {
        var table = account.GetTable("batched");
        await table.CreateIfNotExistsAsync(cancellationToken);
        var actions = Enumerable.Range(0, count).Select(i => new TableTransactionAction(TableTransactionActionType.Add, Entity(i))).ToList();
        var timer = Stopwatch.StartNew();
        await table.SubmitInBatchesAsync(actions, cancellationToken);
        return count / timer.Elapsed.TotalSeconds;
    }

    private static async Task<double> QueueCyclesPerSecondAsync(StorageAccount account, int count, CancellationToken cancellationToken)
    {
        var queue = account.GetQueue("bench", QueueMessageEncoding.Base64);
        await queue.CreateIfNotExistsAsync(cancellationToken);
        var payload = "{\"owner\":\"student-0001\",\"task\":\"0000000000\",\"step\":\"follow-up\"}";
        var timer = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await queue.SendAsync(payload, cancellationToken: cancellationToken);
        }

        var handled = 0;
        while (handled < count)
        {
            var received = await queue.ReceiveAsync(QueueClient.MaxMessagesPerCall, TimeSpan.FromMinutes(1), cancellationToken);
            foreach (var message in received)
            {
                await queue.DeleteAsync(message.MessageId, message.PopReceipt, cancellationToken);
            }

            handled += received.Count;
        }

        return count / timer.Elapsed.TotalSeconds;
    }

    // Ten partitions, like owners; a few typed properties, like a planned task.
    private static TableEntity Entity(int i) => new($"owner{i % 10:D2}", $"task{i:D7}")
    {
        ["State"] = "planned",
        ["Due"] = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero).AddMinutes(i),
        ["Attempts"] = 0,
        ["Score"] = 0.05,
    };
}
