using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Functions.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Storage.Queues;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// Deliveries of a queued import that come late or twice (the queue redelivering after a visibility timeout, a message of
/// an earlier queuing), on the real handler against real Azurite: each claims the import only over the version it judged,
/// so none writes over what a newer one saved. A storage request of the first delivery is held in flight (its connection
/// to Azurite paused) to make the race happen every time.
/// </summary>
public sealed class LateDeliveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int MaxDeliveries = 3;

    [Fact]
    public async Task A_delivery_that_read_the_import_before_another_completed_it_leaves_the_completed_record_as_it_is_and_runs_nothing_again()
    {
        var held = new HeldStorageRequest(r => r.Method == HttpMethod.Put && r.RequestUri!.AbsolutePath.EndsWith("/report.json", StringComparison.Ordinal));
        using var app = Start(held);
        var ownerId = ApiApp.NewId("late");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        using var upload = await PostCsvAsync(client, Sample("class-visit.csv"));
        var id = (await JsonAsync(upload)).GetProperty("id").GetString()!;

        // The first delivery read the queued record; its write claiming it is held in flight.
        held.Arm();
        var first = DeliverAsync(app, ownerId, id, dequeueCount: 1);
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(60));

        // The message came back meanwhile (its visibility ran out): the second delivery runs the import to its end.
        using (var second = await DeliverAsync(app, ownerId, id, dequeueCount: 2))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        var completed = await GetAsync(client, id);
        held.Release();
        using var late = await first;
        var after = await GetAsync(client, id);
        var listed = Assert.Single(await ListedAsync(client));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(("completed", 2L), (completed.GetProperty("status").GetString(), completed.GetProperty("deliveries").GetInt64()));
        Assert.Equal(completed.ToString(), after.ToString()); // neither flipped back to running nor completed again
        Assert.Equal("completed", listed.GetProperty("status").GetString());
        Assert.Equal((20L, 19L, 1L, 0L, 0L), Counts(after));
    }

    [Fact]
    public async Task A_delivery_of_an_import_another_delivery_is_still_running_leaves_its_record_and_progress_to_that_run()
    {
        var held = new HeldStorageRequest(r => r.Method == HttpMethod.Put && r.RequestUri!.AbsolutePath.EndsWith("/rows.csv", StringComparison.Ordinal));
        using var app = Start(held, ("Imports:ConcurrentImportWait", "00:00:01"));
        var ownerId = ApiApp.NewId("twice");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        using var upload = await PostCsvAsync(client, Sample("class-visit.csv"));
        var id = (await JsonAsync(upload)).GetProperty("id").GetString()!;

        // The first delivery has read every row, holding the owner's lease: its rows' outcomes are on their way to storage.
        held.Arm();
        var first = DeliverAsync(app, ownerId, id, dequeueCount: 1);
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        var running = await GetAsync(client, id);

        using var duplicate = await DeliverAsync(app, ownerId, id, dequeueCount: 2);
        var whileDuplicate = await GetAsync(client, id);
        held.Release();
        using (var finished = await first)
        {
            Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        }

        var completed = await GetAsync(client, id);

        Assert.Equal(("running", 1L), (running.GetProperty("status").GetString(), running.GetProperty("deliveries").GetInt64()));
        Assert.Equal(HttpStatusCode.InternalServerError, duplicate.StatusCode); // failed: the message comes back to find the import done
        Assert.Equal(running.ToString(), whileDuplicate.ToString()); // its progress and delivery as the live run wrote them
        Assert.Equal(("completed", 1L), (completed.GetProperty("status").GetString(), completed.GetProperty("deliveries").GetInt64()));
        Assert.Equal((20L, 19L, 1L, 0L, 0L), Counts(completed));
    }

    [Fact]
    public async Task A_message_of_an_earlier_queuing_that_comes_after_a_retry_is_spent_and_the_retrys_own_message_runs_the_import()
    {
        using var app = Start(held: null);
        var ownerId = ApiApp.NewId("stale");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        var storage = app.Factory.Services.GetRequiredService<ImportStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var queue = StorageAccount.FromConnectionString(azurite.ConnectionString).GetQueue(ImportQueueMessage.QueueName, QueueMessageEncoding.Base64);

        // The first queuing's message is sent, but the import is recorded failed (its send seemed to fail), and retried.
        using var upload = await PostCsvAsync(client, Sample("class-visit.csv"));
        var id = (await JsonAsync(upload)).GetProperty("id").GetString()!;
        var firstMessage = Assert.Single(await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5)), m => m.Text.Contains(id, StringComparison.Ordinal));
        var queued = (await storage.Records.FindAsync(ownerId, id, CancellationToken.None))!;
        await storage.Records.SaveAsync(queued.Failed(ImportsApi.NotQueued, reached: null, DateTimeOffset.UtcNow), CancellationToken.None);
        using (var retry = await client.PostAsync(new Uri($"/api/imports/{id}/retry", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        }

        using var stale = await DeliverMessageAsync(app, firstMessage.Text, dequeueCount: 1);
        var afterStale = await GetAsync(client, id);
        var retryMessage = Assert.Single(await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5)), m => m.Text.Contains(id, StringComparison.Ordinal));
        using var own = await DeliverMessageAsync(app, retryMessage.Text, dequeueCount: 1);
        var completed = await GetAsync(client, id);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(("queued", 0L, 1), (afterStale.GetProperty("status").GetString(), afterStale.GetProperty("deliveries").GetInt64(), afterStale.GetProperty("retries").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(("completed", 1L), (completed.GetProperty("status").GetString(), completed.GetProperty("deliveries").GetInt64()));
        Assert.Equal((20L, 19L, 1L, 0L, 0L), Counts(completed));
    }

    private ApiApp Start(HeldStorageRequest? held, params (string Key, string? Value)[] settings)
    {
        var app = TestAppRoot.CreateWithImports(MaxDeliveries);
        (string, string?)[] all = [("Imports:SyncMaxBytes", "1024"), ("Imports:ProgressInterval", "00:00:00"), .. settings];
        if (held is null)
        {
            return ApiApp.Start(azurite, app, _ => { }, all);
        }

        var options = new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(held)) };
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString, options);
        return ApiApp.Start(azurite, app, services => services.AddSingleton(account), all);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string importId)
    {
        using var response = await client.GetAsync(new Uri($"/api/imports/{importId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }
}
