using System.Net;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
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
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task An_import_that_stalled_while_another_holder_took_the_owners_lease_stops_failed_and_retryable_and_leaves_the_lease_to_that_holder()
    {
        using var held = ContactsWrite();
        using var app = Start(syncMaxBytes: 1 << 20, held);
        var ownerId = ApiApp.NewId("lost");
        using var client = await ClientAsync(app, ownerId);

        // The import's first contacts write is held; meanwhile its lease runs out and an erasure takes it.
        var (uploaded, erasure) = await LoseLeaseDuringAsync(app, held, ownerId, () => PostCsvAsync(client, Sample("class-visit.csv")));
        using var upload = uploaded;
        var problem = await JsonAsync(upload);
        var holderAfter = await Leases(app).FindHolderAsync(ownerId, CancellationToken.None);
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
        using var held = ContactsWrite();
        using var app = Start(syncMaxBytes: 1024, held);
        var ownerId = ApiApp.NewId("lostq");
        using var client = await ClientAsync(app, ownerId);
        using var upload = await PostCsvAsync(client, Sample("class-visit.csv"));
        var id = (await JsonAsync(upload)).GetProperty("id").GetString()!;

        var (delivery, erasure) = await LoseLeaseDuringAsync(app, held, ownerId, () => DeliverAsync(app, ownerId, id, dequeueCount: 1));
        using var stopped = delivery;
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
    public async Task An_import_that_lost_the_lease_while_it_read_a_batch_writes_nothing_of_that_batch()
    {
        // Held: the import's look at the owner's stored contacts, which comes after the rows of its first batch are read and
        // before they are written.
        using var held = new HeldStorageRequest(r => r.Method == HttpMethod.Get && r.RequestUri!.AbsolutePath.EndsWith("/Contacts()", StringComparison.Ordinal));
        using var app = Start(syncMaxBytes: 1 << 20, held);
        var ownerId = ApiApp.NewId("lostw");
        using var client = await ClientAsync(app, ownerId);

        var (uploaded, erasure) = await LoseLeaseDuringAsync(app, held, ownerId, () => PostCsvAsync(client, Sample("class-visit.csv")));
        using var upload = uploaded;
        var problem = await JsonAsync(upload);
        var contacts = await ContactsAsync(client);
        await erasure.DisposeAsync();

        Assert.Equal(HttpStatusCode.Conflict, upload.StatusCode);
        Assert.Equal(ImportLeases.LostCode, problem.GetProperty("code").GetString());
        Assert.Empty(contacts); // the batch read while the lease ran out was not written alongside the erasure
    }

    /// <summary>
    /// Starts what <paramref name="start"/> sends with <paramref name="held"/> armed; once its held request is in flight, lets
    /// the import's lease run out and has an erasure take it, then lets the request go on. Returns the answer and the
    /// erasure's lease (still held).
    /// </summary>
    private async Task<(HttpResponseMessage Response, ImportLease Erasure)> LoseLeaseDuringAsync(
        ApiApp app, HeldStorageRequest held, string ownerId, Func<Task<HttpResponseMessage>> start)
    {
        held.Arm();
        var pending = start();
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        _clock.Advance(ImportLeases.Duration + TimeSpan.FromSeconds(1));
        var erasure = await Leases(app).TryAcquireAsync(ownerId, "erasure-of-a-contact", CancellationToken.None);
        Assert.NotNull(erasure);
        held.Release();
        return (await pending, erasure);
    }

    /// <summary>A client of a new account <paramref name="ownerId"/>, with the import tables made (the lease rows live there).</summary>
    private static async Task<HttpClient> ClientAsync(ApiApp app, string ownerId)
    {
        var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        await app.Factory.Services.GetRequiredService<ImportStorage>().EnsureCreatedAsync(CancellationToken.None);
        return client;
    }

    private static ImportLeases Leases(ApiApp app) => app.Factory.Services.GetRequiredService<ImportLeases>();

    /// <summary>Holds the first write of contacts once armed.</summary>
    private static HeldStorageRequest ContactsWrite() =>
        new(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal));

    /// <summary>The app on the test's clock, its storage requests passing through <paramref name="held"/>.</summary>
    private ApiApp Start(long syncMaxBytes, HeldStorageRequest held)
    {
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString, new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(held)) });
        return ApiApp.Start(
            azurite,
            TestAppRoot.CreateWithImports(maxDequeueCount: 3),
            services => services.AddSingleton(account).AddSingleton<TimeProvider>(_clock),
            ("Imports:SyncMaxBytes", syncMaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
