using Outreach.Core;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Functions.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// One import writes at a time per owner, and no contact is erased while one does (<see cref="ImportLeases"/>): on the
/// real handler, its local runner and the ImportContacts queue function, against real Azurite.
/// </summary>
public sealed class ConcurrentImportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly TestAppRoot _root = TestAppRoot.CreateWithImports(maxDequeueCount: 20);

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task An_upload_while_another_import_of_the_owner_writes_waits_then_gets_409_and_imports_once_the_owner_is_free()
    {
        await using var app = FunctionAppFactory.WithRunner(_root.Path, Settings(syncMaxBytes: 1 << 20), _ => { }).StartWithRunner();
        var (ownerId, client) = await OwnerAsync(app);
        using var _ = client;
        var file = Encoding.UTF8.GetBytes("Name,Email\nAda Lovelace,ada@example.org\n");
        var other = await app.Services.GetRequiredService<ImportLeases>().TryAcquireAsync(ownerId, "another-import", CancellationToken.None);

        HttpStatusCode refused;
        JsonElement problem;
        string? retryAfter;
        await using (other)
        {
            using var response = await PostCsvAsync(client, file);
            (refused, problem, retryAfter) = (response.StatusCode, await JsonAsync(response), response.Headers.RetryAfter?.ToString());
            Assert.Empty(await ContactsAsync(client));
            Assert.Empty(await app.Services.GetRequiredService<ImportStorage>().Records.Blobs.ListAsync(ownerId + "/").ToListAsync()); // the file is not kept
        }

        using var again = await PostCsvAsync(client, file);

        Assert.NotNull(other);
        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Equal(("import.owner-busy", "file"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Equal("30", retryAfter);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(await ContactsAsync(client));
    }

    [Fact]
    public async Task A_queued_import_waits_over_later_deliveries_for_the_owner_and_then_completes()
    {
        await using var app = FunctionAppFactory.WithRunner(_root.Path, Settings(syncMaxBytes: 1024), _ => { }).StartWithRunner();
        var (ownerId, client) = await OwnerAsync(app);
        using var _ = client;
        var other = await app.Services.GetRequiredService<ImportLeases>().TryAcquireAsync(ownerId, "another-import", CancellationToken.None);

        HttpStatusCode status;
        Uri location;
        JsonElement waiting;
        await using (other)
        {
            using var response = await PostCsvAsync(client, Sample("class-visit.csv"));
            (status, location) = (response.StatusCode, response.Headers.Location!);
            await Task.Delay(TimeSpan.FromSeconds(3)); // several deliveries, each waiting half a second
            using var meanwhile = await client.GetAsync(location);
            waiting = await JsonAsync(meanwhile);
        }

        var record = await WaitForFinishedAsync(client, location);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Contains(waiting.GetProperty("status").GetString(), new[] { "queued", "running" });
        Assert.Equal("completed", record.GetProperty("status").GetString());
        Assert.Equal((20L, 19L, 1L, 0L, 0L), Counts(record));
    }

    [Fact]
    public async Task Erasing_a_contact_waits_for_the_owners_running_import_and_gets_409_when_it_runs_on()
    {
        // Two seconds' wait: the import below that ends after a fifth of a second ends well within it, on a busy machine too.
        await using var app = FunctionAppFactory.WithRunner(_root.Path, Settings(syncMaxBytes: 1 << 20, concurrentImportWait: "00:00:02"), _ => { }).StartWithRunner();
        var (ownerId, client) = await OwnerAsync(app);
        using var _ = client;
        using var imported = await PostCsvAsync(client, Encoding.UTF8.GetBytes("Name,Email\nAda Lovelace,ada@example.org\n"));
        var contactId = Assert.Single(await ContactsAsync(client)).GetProperty("id").GetString();
        var erase = new Uri($"/api/contacts/{contactId}", UriKind.Relative);
        var leases = app.Services.GetRequiredService<ImportLeases>();

        // An import holding the owner past the wait: nothing is erased, and the caller is told to come back.
        HttpStatusCode refused;
        JsonElement problem;
        string? retryAfter;
        await using (await leases.TryAcquireAsync(ownerId, "another-import", CancellationToken.None))
        {
            using var response = await client.DeleteAsync(erase);
            (refused, problem, retryAfter) = (response.StatusCode, await JsonAsync(response), response.Headers.RetryAfter?.ToString());
        }

        var stillThere = await ContactsAsync(client);

        // An import that ends within the wait: the erasure waits for it, then erases.
        var running = await leases.TryAcquireAsync(ownerId, "another-import", CancellationToken.None);
        var erasing = client.DeleteAsync(erase);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        var finishedWhileHeld = erasing.IsCompleted;
        await running!.DisposeAsync();
        using var erased = await erasing;

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Equal(("import.owner-busy", "id"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.StartsWith("An import for this account is still running; erase the contact again", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("30", retryAfter);
        Assert.Single(stillThere);
        Assert.False(finishedWhileHeld);
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Empty(await ContactsAsync(client));
    }

    [Fact]
    public async Task A_lease_is_renewed_while_held_taken_over_once_run_out_and_freed_only_by_its_holder()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var leases = await LeasesAsync(clock);

        var first = await leases.TryAcquireAsync("owner", "a", CancellationToken.None);
        var whileHeld = await leases.TryAcquireAsync("owner", "b", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(30));
        await first!.RenewIfDueAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(40)); // 70 s after taking it, 40 s after renewing it
        var afterRenewal = await leases.TryAcquireAsync("owner", "b", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(21)); // a minute and a second since the renewal: run out
        var second = await leases.TryAcquireAsync("owner", "b", CancellationToken.None);
        await first.RenewIfDueAsync(CancellationToken.None);
        await first.DisposeAsync();
        var afterFirstLetGo = await leases.TryAcquireAsync("owner", "c", CancellationToken.None);
        await second!.DisposeAsync();
        var third = await leases.TryAcquireAsync("owner", "c", CancellationToken.None);

        Assert.Null(whileHeld);
        Assert.Null(afterRenewal);
        Assert.NotNull(second);
        Assert.False(first.Held); // lost to "b", so letting go did not free "b"'s lease
        Assert.Null(afterFirstLetGo);
        Assert.NotNull(third);
        Assert.NotNull(await leases.TryAcquireAsync("other-owner", "d", CancellationToken.None));
    }

    [Fact]
    public async Task A_lease_taken_over_once_run_out_stops_its_import_at_the_next_renewal_while_one_renewed_in_time_goes_on()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var leases = await LeasesAsync(clock);

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

    /// <summary>Leases on a table of their own, on <paramref name="clock"/>.</summary>
    private async Task<ImportLeases> LeasesAsync(ManualTimeProvider clock)
    {
        var table = StorageAccount.FromConnectionString(azurite.ConnectionString).GetTable("Leases" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        return new ImportLeases(table, clock);
    }

    private static async Task<(string OwnerId, HttpClient Client)> OwnerAsync(FunctionAppFactory app)
    {
        var ownerId = ApiApp.NewId("busy");
        var key = await app.CreateAccountWithKeyAsync(ownerId);
        await app.Services.GetRequiredService<ImportStorage>().EnsureCreatedAsync(CancellationToken.None); // the lease row's table
        return (ownerId, app.ClientWithKey(key));
    }

    private Dictionary<string, string?> Settings(long syncMaxBytes, string concurrentImportWait = "00:00:00.500") => FunctionAppFactory.RunnerSettings(
        azurite.ConnectionString,
        ("Imports:SyncMaxBytes", syncMaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Imports:ConcurrentImportWait", concurrentImportWait));
}
