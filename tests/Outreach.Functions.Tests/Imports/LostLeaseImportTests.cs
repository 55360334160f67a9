using System.Net;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core;
using Outreach.Functions.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// An import that stalls past its owner's lease while another holder (an erasure, another import) takes the lease stops at
/// its next renewal instead of writing alongside that holder; on the real handler against real Azurite, with the app's
/// clock in the test's hands and the import's contacts write held in flight while the lease runs out.
/// </summary>
public sealed class LostLeaseImportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task An_import_that_stalled_while_another_holder_took_the_owners_lease_stops_failed_and_retryable_and_leaves_the_lease_to_that_holder()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var held = new HeldStorageRequest(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal));
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString, new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(held)) });
        using var app = ApiApp.Start(
            azurite,
            TestAppRoot.CreateWithImports(maxDequeueCount: 3),
            services => services.AddSingleton(account).AddSingleton<TimeProvider>(clock),
            ("Imports:SyncMaxBytes", "1048576"));
        var ownerId = ApiApp.NewId("lost");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        await app.Factory.Services.GetRequiredService<ImportStorage>().EnsureCreatedAsync(CancellationToken.None);
        var leases = app.Factory.Services.GetRequiredService<ImportLeases>();

        // The import's first contacts write is held; meanwhile its lease runs out and an erasure takes it.
        held.Arm();
        var posting = PostCsvAsync(client, Sample("class-visit.csv"));
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        clock.Advance(ImportLeases.Duration + TimeSpan.FromSeconds(1));
        var erasure = await leases.TryAcquireAsync(ownerId, "erasure-of-a-contact", CancellationToken.None);
        Assert.NotNull(erasure);
        held.Release();
        using var upload = await posting;
        var problem = await JsonAsync(upload);
        var holderAfter = await leases.FindHolderAsync(ownerId, CancellationToken.None);
        var listed = Assert.Single(await ListedAsync(client));
        var id = listed.GetProperty("id").GetString()!;
        using var found = await client.GetAsync(new Uri($"/api/imports/{id}", UriKind.Relative));
        var failed = await JsonAsync(found);

        // Once the erasure is done, a retry imports the file to its end.
        await erasure.DisposeAsync();
        using var retry = await client.PostAsync(new Uri($"/api/imports/{id}/retry", UriKind.Relative), null);
        using var delivered = await DeliverAsync(app, ownerId, id);
        using var again = await client.GetAsync(new Uri($"/api/imports/{id}", UriKind.Relative));
        var completed = await JsonAsync(again);

        Assert.Equal(HttpStatusCode.Conflict, upload.StatusCode);
        Assert.Equal(ImportLeases.LostCode, problem.GetProperty("code").GetString());
        Assert.StartsWith("The import stopped before its end: it stalled for over a minute", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("erasure-of-a-contact", holderAfter?.HolderId); // the stopped import did not free the erasure's lease
        Assert.Equal(("failed", true), (listed.GetProperty("status").GetString(), listed.GetProperty("retryable").GetBoolean()));
        Assert.Equal(ImportLeases.LostCode, failed.GetProperty("errorCode").GetString());
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(19, (await ContactsAsync(client)).Count);
    }

    [Fact]
    public async Task A_queued_import_whose_delivery_lost_the_lease_is_left_to_a_later_delivery_which_runs_it_to_its_end()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var held = new HeldStorageRequest(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal));
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString, new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(held)) });
        using var app = ApiApp.Start(
            azurite,
            TestAppRoot.CreateWithImports(maxDequeueCount: 3),
            services => services.AddSingleton(account).AddSingleton<TimeProvider>(clock),
            ("Imports:SyncMaxBytes", "1024"));
        var ownerId = ApiApp.NewId("lostq");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        var leases = app.Factory.Services.GetRequiredService<ImportLeases>();
        using var upload = await PostCsvAsync(client, Sample("class-visit.csv"));
        var id = (await JsonAsync(upload)).GetProperty("id").GetString()!;

        held.Arm();
        var first = DeliverAsync(app, ownerId, id, dequeueCount: 1);
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        clock.Advance(ImportLeases.Duration + TimeSpan.FromSeconds(1));
        var erasure = await leases.TryAcquireAsync(ownerId, "erasure-of-a-contact", CancellationToken.None);
        Assert.NotNull(erasure);
        held.Release();
        using var stopped = await first;
        var afterFirst = Assert.Single(await ListedAsync(client));
        await erasure.DisposeAsync();
        using var second = await DeliverAsync(app, ownerId, id, dequeueCount: 2);
        using var found = await client.GetAsync(new Uri($"/api/imports/{id}", UriKind.Relative));
        var completed = await JsonAsync(found);

        Assert.Equal(HttpStatusCode.InternalServerError, stopped.StatusCode); // the delivery failed: its message comes back
        Assert.Equal("running", afterFirst.GetProperty("status").GetString()); // not failed: a later delivery runs it
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(("completed", 2L), (completed.GetProperty("status").GetString(), completed.GetProperty("deliveries").GetInt64()));
        Assert.Equal((20L, 19L, 1L, 0L, 0L), Counts(completed));
        Assert.Equal(19, (await ContactsAsync(client)).Count);
    }

    [Fact]
    public async Task A_lease_taken_over_once_run_out_stops_its_import_at_the_next_renewal_while_one_renewed_in_time_goes_on()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var table = StorageAccount.FromConnectionString(azurite.ConnectionString).GetTable("Leases" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        var leases = new ImportLeases(table, clock);

        var import = await leases.TryAcquireAsync("owner", "import", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(30));
        await import!.EnsureHeldAsync(CancellationToken.None); // renewed in time
        clock.Advance(ImportLeases.Duration + TimeSpan.FromSeconds(1));
        var erasure = await leases.TryAcquireAsync("owner", "erasure", CancellationToken.None);
        var stopped = await Assert.ThrowsAsync<DomainException>(() => import.EnsureHeldAsync(CancellationToken.None).AsTask());

        Assert.NotNull(erasure);
        Assert.Equal((ImportLeases.LostCode, "id"), (stopped.Code, stopped.Target));
        Assert.False(import.Held);
        Assert.Equal("erasure", (await leases.FindHolderAsync("owner", CancellationToken.None))?.HolderId);
    }
}
