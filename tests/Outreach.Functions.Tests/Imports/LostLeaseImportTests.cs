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
public sealed class LostLeaseImportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly HeldStorageRequest _held = new(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal));

    [Fact]
    public async Task An_import_that_stalled_while_another_holder_took_the_owners_lease_stops_failed_and_retryable_and_leaves_the_lease_to_that_holder()
    {
        using var app = Start(syncMaxBytes: 1 << 20);
        var ownerId = ApiApp.NewId("lost");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        await app.Factory.Services.GetRequiredService<ImportStorage>().EnsureCreatedAsync(CancellationToken.None);
        var leases = app.Factory.Services.GetRequiredService<ImportLeases>();

        // The import's first contacts write is held; meanwhile its lease runs out and an erasure takes it.
        _held.Arm();
        var posting = PostCsvAsync(client, Sample("class-visit.csv"));
        await _held.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        _clock.Advance(ImportLeases.Duration + TimeSpan.FromSeconds(1));
        var erasure = await leases.TryAcquireAsync(ownerId, "erasure-of-a-contact", CancellationToken.None);
        Assert.NotNull(erasure);
        _held.Release();
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
        using var app = Start(syncMaxBytes: 1024);
        var ownerId = ApiApp.NewId("lostq");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        var leases = app.Factory.Services.GetRequiredService<ImportLeases>();
        using var upload = await PostCsvAsync(client, Sample("class-visit.csv"));
        var id = (await JsonAsync(upload)).GetProperty("id").GetString()!;

        _held.Arm();
        var first = DeliverAsync(app, ownerId, id, dequeueCount: 1);
        await _held.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        _clock.Advance(ImportLeases.Duration + TimeSpan.FromSeconds(1));
        var erasure = await leases.TryAcquireAsync(ownerId, "erasure-of-a-contact", CancellationToken.None);
        Assert.NotNull(erasure);
        _held.Release();
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

    /// <summary>The app on the test's clock, its storage requests passing through <see cref="_held"/>, which holds the first contacts write once armed.</summary>
    private ApiApp Start(long syncMaxBytes)
    {
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString, new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(_held)) });
        return ApiApp.Start(
            azurite,
            TestAppRoot.CreateWithImports(maxDequeueCount: 3),
            services => services.AddSingleton(account).AddSingleton<TimeProvider>(_clock),
            ("Imports:SyncMaxBytes", syncMaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public void Dispose() => _held.Dispose();
}
