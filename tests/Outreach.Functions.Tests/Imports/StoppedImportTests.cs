using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Imports;
using Outreach.Functions.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// Imports whose run died without recording it, on the real handler against real Azurite, the clock moved by the test:
/// shown under way while anything may still work on them, then as failed, saying what they had stored and what to do.
/// </summary>
public sealed class StoppedImportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int MaxDeliveries = 3;

    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task An_import_at_once_whose_instance_died_shows_running_while_it_may_live_then_stopped_with_the_rows_it_stored()
    {
        using var app = Start(("Imports:ProgressInterval", "00:00:00"));
        var ownerId = ApiApp.NewId("died");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        var (storage, runner, record, progress, options) = await ArrangeRunAsync(app, ownerId);
        await using var input = new GatedStream(RunBytes);
        using var kill = new CancellationTokenSource();

        // Run as POST /api/imports runs a small file, until half-way: there it stays, as a killed instance's run would,
        // its lease never renewed and its record never written again.
        var run = Task.Run(async () =>
        {
            await using var import = await runner.StartAsync(input, options, progress, kill.Token);
            return await runner.RunAsync(import, record, campaign: null, progress, kill.Token);
        });
        await input.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        var running = await GetAsync(client, record.Id);
        _clock.Advance(TimeSpan.FromMinutes(9)); // its lease ran out 8 minutes ago, but it wrote its record only 9 minutes ago
        var quiet = await GetAsync(client, record.Id);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var stopped = await GetAsync(client, record.Id);
        var listed = await ListedAsync(client, record.Id);
        using var rows = await client.GetAsync(new Uri($"/api/imports/{record.Id}/rows", UriKind.Relative));
        var rowsProblem = await JsonAsync(rows);
        var stored = await storage.Records.FindAsync(ownerId, record.Id, CancellationToken.None);
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Equal("running", running.GetProperty("status").GetString());
        var rowsStored = running.GetProperty("progress").GetProperty("rowsRead").GetInt64();
        Assert.InRange(rowsStored, 100, 1199);
        Assert.Equal((rowsStored, 1L, rowsStored - 1, 0L, 0L), Counts(running)); // the counts so far: one person, merged into
        Assert.Equal("running", quiet.GetProperty("status").GetString());
        Assert.Equal("failed", stopped.GetProperty("status").GetString());
        Assert.Equal(Counts(running), Counts(stopped));
        Assert.Equal(
            "This import stopped without finishing: the server running it stopped before the import could complete or record why. " +
            $"The contacts of at least its first {rowsStored} rows are stored (1 new, {rowsStored - 1} merged, 0 already known, 0 rejected); nothing stored is lost. " +
            "Retry it to import the rest: re-importing changes nothing already imported.",
            stopped.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, stopped.GetProperty("progress").ValueKind);
        Assert.Equal(("failed", rowsStored), (listed.GetProperty("status").GetString(), listed.GetProperty("counts").GetProperty("rows").GetInt64()));
        Assert.Equal(HttpStatusCode.Conflict, rows.StatusCode);
        Assert.StartsWith("The import failed, so its rows are not listed: This import stopped without finishing", rowsProblem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal((ImportStatus.Failed, _clock.GetUtcNow()), (stored!.Status, stored.CompletedUtc!.Value)); // recorded, not only shown
    }

    [Fact]
    public async Task A_run_judged_stopped_that_comes_back_to_life_stops_at_its_next_write_and_leaves_the_stopped_record_as_it_was()
    {
        using var app = Start(("Imports:ProgressInterval", "00:00:00"));
        var ownerId = ApiApp.NewId("revive");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        var (storage, runner, record, progress, options) = await ArrangeRunAsync(app, ownerId);
        await using var input = new GatedStream(RunBytes);

        // Hung half-way for longer than the stall time (its instance paused, a storage call never answering), so judged stopped...
        var run = Task.Run(async () =>
        {
            await using var import = await runner.StartAsync(input, options, progress, CancellationToken.None);
            return await runner.RunAsync(import, record, campaign: null, progress, CancellationToken.None);
        });
        await input.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        _clock.Advance(TimeSpan.FromMinutes(10));
        var stopped = await GetAsync(client, record.Id);

        // ... then it comes back to life: its next write finds its record no longer its own, and it stops there.
        input.Open();
        var superseded = await Assert.ThrowsAsync<Core.DomainException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        var after = await GetAsync(client, record.Id);
        var listed = await ListedAsync(client, record.Id);

        Assert.Equal("failed", stopped.GetProperty("status").GetString());
        Assert.StartsWith("This import stopped without finishing", stopped.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(ImportRun.SupersededCode, superseded.Code);
        Assert.Equal(stopped.ToString(), after.ToString()); // never flipped back to running, nor completed behind the owner's back
        Assert.Equal(("failed", true), (listed.GetProperty("status").GetString(), listed.GetProperty("retryable").GetBoolean()));
    }

    [Fact]
    public async Task A_queued_import_is_under_way_while_a_delivery_may_still_come_and_stopped_once_its_last_delivery_died()
    {
        using var app = Start(("Imports:SyncMaxBytes", "1024"), ("Imports:ConcurrentImportWait", "00:00:30"));
        var ownerId = ApiApp.NewId("lost");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        var storage = app.Factory.Services.GetRequiredService<ImportStorage>();
        var leases = app.Factory.Services.GetRequiredService<ImportLeases>();
        await storage.EnsureCreatedAsync(CancellationToken.None);

        // Another import of the owner holds the owner throughout, so every delivery below waits for it until it is cut short.
        var other = await leases.TryAcquireAsync(ownerId, "another-import", CancellationToken.None);
        using var upload = await PostCsvAsync(client, Sample("class-visit.csv"));
        var id = (await JsonAsync(upload)).GetProperty("id").GetString()!;
        _clock.Advance(TimeSpan.FromMinutes(11));
        var neverDelivered = await GetAsync(client, id);

        other = await leases.TryAcquireAsync(ownerId, "another-import", CancellationToken.None);
        await DeliverCutShortAsync(app, storage, ownerId, id, dequeueCount: 1);
        _clock.Advance(TimeSpan.FromMinutes(11));
        var betweenDeliveries = await GetAsync(client, id);

        other = await leases.TryAcquireAsync(ownerId, "another-import", CancellationToken.None);
        await DeliverCutShortAsync(app, storage, ownerId, id, dequeueCount: MaxDeliveries);
        _clock.Advance(TimeSpan.FromMinutes(9));
        var lastJustDied = await GetAsync(client, id);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var stopped = await GetAsync(client, id);
        var listed = await ListedAsync(client, id);

        // A delivery the host makes after all finds the import stopped and leaves it so: the owner was told to upload again.
        await other!.DisposeAsync();
        using (var late = await DeliverAsync(app, ownerId, id, MaxDeliveries, CancellationToken.None))
        {
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        Assert.Equal(("queued", 0L), (neverDelivered.GetProperty("status").GetString(), neverDelivered.GetProperty("deliveries").GetInt64()));
        Assert.Equal(("running", 1L), (betweenDeliveries.GetProperty("status").GetString(), betweenDeliveries.GetProperty("deliveries").GetInt64()));
        Assert.Equal(("running", 3L), (lastJustDied.GetProperty("status").GetString(), lastJustDied.GetProperty("deliveries").GetInt64()));
        Assert.Equal("failed", stopped.GetProperty("status").GetString());
        Assert.Equal(
            "This import stopped without finishing: the server running it stopped before the import could complete or record why. " +
            "Whatever contacts it had stored are kept. Retry it to import the file: re-importing changes nothing already imported.",
            stopped.GetProperty("error").GetString());
        Assert.Equal("failed", listed.GetProperty("status").GetString());
        Assert.Equal("failed", (await GetAsync(client, id)).GetProperty("status").GetString());
        Assert.Empty(await ContactsAsync(client));
    }

    [Fact]
    public async Task A_last_delivery_that_leaves_the_import_to_a_live_run_lets_it_be_shown_stopped_once_that_run_dies_not_a_day_later()
    {
        using var app = Start(("Imports:SyncMaxBytes", "1024"));
        var ownerId = ApiApp.NewId("spent");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        var storage = app.Factory.Services.GetRequiredService<ImportStorage>();
        var leases = app.Factory.Services.GetRequiredService<ImportLeases>();
        using var upload = await PostCsvAsync(client, Sample("class-visit.csv"));
        var id = (await JsonAsync(upload)).GetProperty("id").GetString()!;

        // The first delivery runs the import, holding the owner's lease, when the host's last delivery of its message comes.
        var queued = (await storage.Records.FindAsync(ownerId, id, CancellationToken.None))!;
        await storage.Records.SaveAsync(queued with { Status = ImportStatus.Running, Deliveries = 1, ActiveUtc = _clock.GetUtcNow() }, CancellationToken.None);
        Assert.NotNull(await leases.TryAcquireAsync(ownerId, id, CancellationToken.None));
        using var last = await DeliverAsync(app, ownerId, id, MaxDeliveries, CancellationToken.None);
        var whileLive = await GetAsync(client, id);

        // That run then dies: its lease runs out, and no sign of life comes for the stall time.
        _clock.Advance(TimeSpan.FromMinutes(11));
        var stopped = await GetAsync(client, id);
        using var retry = await client.PostAsync(new Uri($"/api/imports/{id}/retry", UriKind.Relative), null);
        var retried = (await storage.Records.FindAsync(ownerId, id, CancellationToken.None))!;

        Assert.Equal(HttpStatusCode.InternalServerError, last.StatusCode); // failed, to the poison queue: the host delivers it no more
        Assert.Equal(("running", 1L), (whileLive.GetProperty("status").GetString(), whileLive.GetProperty("deliveries").GetInt64()));
        Assert.Equal("failed", stopped.GetProperty("status").GetString());
        Assert.StartsWith("This import stopped without finishing", stopped.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal((ImportStatus.Queued, (DateTimeOffset?)null), (retried.Status, retried.DeliveriesSpentUtc)); // a retry's own message may come again
    }

    [Fact]
    public async Task A_queued_import_whose_message_never_went_out_is_shown_stopped_after_the_stall_time_while_one_sent_waits_for_its_delivery()
    {
        using var app = Start(("Imports:SyncMaxBytes", "1024"));
        var ownerId = ApiApp.NewId("unsent");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        var records = app.Factory.Services.GetRequiredService<ImportStorage>().Records;
        var now = _clock.GetUtcNow();
        using var upload = await PostCsvAsync(client, Sample("class-visit.csv"));
        var sentId = (await JsonAsync(upload)).GetProperty("id").GetString()!;
        var sent = (await records.FindAsync(ownerId, sentId, CancellationToken.None))!;

        // A process stopped between saving a queued record and sending its message leaves the record as saved: not marked sent.
        var unsent = sent with { Id = ImportIds.New(now.AddSeconds(1)), MessageSentUtc = null };
        await records.SaveAsync(unsent, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(9));
        var unsentEarly = await GetAsync(client, unsent.Id);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var unsentStopped = await GetAsync(client, unsent.Id);
        var sentWaiting = await GetAsync(client, sentId);

        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        Assert.Equal((ImportStatus.Queued, now, now), (sent.Status, sent.QueuedUtc, sent.MessageSentUtc));
        Assert.Equal("queued", unsentEarly.GetProperty("status").GetString());
        Assert.Equal("failed", unsentStopped.GetProperty("status").GetString());
        Assert.StartsWith("This import never started", unsentStopped.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("queued", sentWaiting.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_stopped_record_is_written_only_over_the_version_judged_so_a_later_save_or_another_reader_wins()
    {
        using var app = Start();
        var ownerId = ApiApp.NewId("race");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        var storage = app.Factory.Services.GetRequiredService<ImportStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var records = storage.Records;
        var now = _clock.GetUtcNow();
        var running = new ImportRecord
        {
            Id = ImportIds.New(now), OwnerId = ownerId, Status = ImportStatus.Running, FileName = "people.csv", CreatedUtc = now, ActiveUtc = now,
        };
        await records.SaveAsync(running, CancellationToken.None);

        // Judged stopped from a read, but the run was alive after all and completed meanwhile.
        var judged = (await records.FindVersionedAsync(ownerId, running.Id, CancellationToken.None))!;
        await records.SaveAsync(running with { Status = ImportStatus.Completed, CompletedUtc = now, Counts = new ImportCounts(2, 2, 0, 0, 0) }, CancellationToken.None);
        var overCompleted = await records.ReplaceAsync(ImportStall.Stopped(judged.Record, now), judged.Version, CancellationToken.None);
        var completed = await GetAsync(client, running.Id);
        var completedListed = await ListedAsync(client, running.Id);

        // Two readers judging the same version: the first writes, the second changes nothing.
        await records.SaveAsync(running, CancellationToken.None);
        var read = (await records.FindVersionedAsync(ownerId, running.Id, CancellationToken.None))!;
        var first = await records.ReplaceAsync(ImportStall.Stopped(read.Record, now.AddMinutes(10)), read.Version, CancellationToken.None);
        var second = await records.ReplaceAsync(ImportStall.Stopped(read.Record, now.AddMinutes(11)), read.Version, CancellationToken.None);
        var stored = await records.FindAsync(ownerId, running.Id, CancellationToken.None);

        Assert.False(overCompleted);
        Assert.Equal(("completed", 2L), (completed.GetProperty("status").GetString(), Counts(completed).Item1));
        Assert.Equal("completed", completedListed.GetProperty("status").GetString());
        Assert.True(first);
        Assert.False(second);
        Assert.Equal((ImportStatus.Failed, now.AddMinutes(10)), (stored!.Status, stored.CompletedUtc!.Value));
    }

    private ApiApp Start(params (string Key, string? Value)[] settings) =>
        ApiApp.Start(azurite, TestAppRoot.CreateWithImports(MaxDeliveries), services => services.AddSingleton<TimeProvider>(_clock), settings);

    /// <summary>Delivers the import's message as the host does, and cuts the delivery short once it has started (the host shutting down).</summary>
    private static async Task DeliverCutShortAsync(ApiApp app, ImportStorage storage, string ownerId, string importId, int dequeueCount)
    {
        using var shutDown = new CancellationTokenSource();
        var delivery = DeliverAsync(app, ownerId, importId, dequeueCount, shutDown.Token);
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while ((await storage.Records.FindAsync(ownerId, importId, deadline.Token))?.Deliveries != dequeueCount)
            {
                Assert.False(delivery.IsCompleted, "The delivery ended before it started the import.");
                await Task.Delay(20, deadline.Token);
            }
        }

        await shutDown.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delivery);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string importId)
    {
        using var response = await client.GetAsync(new Uri($"/api/imports/{importId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    private static async Task<JsonElement> ListedAsync(HttpClient client, string importId)
    {
        using var response = await client.GetAsync(new Uri("/api/imports", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("imports").EnumerateArray().Single(i => i.GetProperty("id").GetString() == importId);
    }

    /// <summary>1,200 rows of one person (so every row after the first merges), long enough to stop half-way.</summary>
    private static readonly byte[] RunBytes = Encoding.UTF8.GetBytes(
        NumberedPeople(1200, "Name,Email,Position", i => string.Create(CultureInfo.InvariantCulture, $"Person {i},person@example.org,{new string('p', 200)}")));

    /// <summary>An import of <see cref="RunBytes"/> recorded as running now, as POST /api/imports records a small file's before running it.</summary>
    private async Task<(ImportStorage Storage, ImportRunner Runner, ImportRecord Record, LatestImportProgress Progress, ImportOptions Options)> ArrangeRunAsync(
        ApiApp app, string ownerId)
    {
        var storage = app.Factory.Services.GetRequiredService<ImportStorage>();
        var runner = app.Factory.Services.GetRequiredService<ImportRunner>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var now = _clock.GetUtcNow();
        var record = new ImportRecord
        {
            Id = ImportIds.New(now), OwnerId = ownerId, Status = ImportStatus.Running, FileName = "people.csv", SizeBytes = RunBytes.Length, CreatedUtc = now, ActiveUtc = now,
        };
        var options = new ImportOptions { OwnerId = ownerId, ImportId = record.Id, FileName = record.FileName, TotalBytes = RunBytes.Length };
        return (storage, runner, record, new LatestImportProgress(), options);
    }
}
