using System.Net;
using System.Text.Json;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Outreach.Core;
using Outreach.Functions.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Storage.Stores;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// How a run writes its import's record, on the real handler against real Azurite, every storage request counted: over
/// the version its last write left, reading the record only once someone else has saved it, and then deciding as before.
/// </summary>
public sealed class ImportRunWriteTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_queued_import_writes_its_claim_progress_and_completion_without_reading_its_record_back()
    {
        var counted = new CountedStorageRequests();
        using var app = Start(counted);
        var ownerId = ApiApp.NewId("writes");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        using var upload = await PostCsvAsync(client, Sample("class-visit.csv"));
        var id = (await JsonAsync(upload)).GetProperty("id").GetString()!;
        bool IsRecord(string path) => path.EndsWith($"/{id}/report.json", StringComparison.Ordinal);
        bool IsSummary(string path) => path.Contains($"RowKey='{id}'", StringComparison.Ordinal);

        counted.Clear();
        using var delivery = await DeliverAsync(app, ownerId, id);
        var (recordReads, recordWrites) = (counted.Count(HttpMethod.Get, IsRecord), counted.Count(HttpMethod.Put, IsRecord));
        var (summaryReads, summaryWrites) = (counted.Count(HttpMethod.Get, IsSummary), counted.Count(HttpMethod.Put, IsSummary));
        var completed = await GetAsync(client, id);
        var listed = Assert.Single((await JsonAsync(await client.GetAsync(new Uri("/api/imports", UriKind.Relative)))).GetProperty("imports").EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
        Assert.Equal(("completed", 1L), (completed.GetProperty("status").GetString(), completed.GetProperty("deliveries").GetInt64()));
        Assert.Equal((20L, 19L, 1L, 0L, 0L), Counts(completed));
        Assert.Equal(("completed", 20L), (listed.GetProperty("status").GetString(), listed.GetProperty("counts").GetProperty("rows").GetInt64()));

        // The claim, a sign of life, progress, a sign of life before the rows, the completed record: each one write of
        // the record and one of its summary. The claim reads them, to judge the record the delivery found; the record is
        // read once more under the owner's lease, for the fingerprint its kept file is checked against (ImportKeptFile).
        Assert.True(recordWrites >= 5, $"{recordWrites} writes of the record");
        Assert.Equal(recordWrites, summaryWrites);
        Assert.Equal((2, 1), (recordReads, summaryReads));
    }

    [Fact]
    public async Task A_write_after_someone_left_the_record_the_runs_reads_it_and_keeps_what_they_wrote()
    {
        var counted = new CountedStorageRequests();
        using var app = Start(counted);
        var (records, run) = await ClaimedRunAsync(app, "redacted");
        await run.SaveAsync(r => r with { Counts = r.Counts with { Rows = 10 } }, CancellationToken.None);

        // An erasure redacts the record meanwhile, which leaves it the run's.
        var read = (await records.FindVersionedAsync(run.Started.OwnerId, run.Started.Id, CancellationToken.None))!;
        Assert.True(await records.ReplaceAsync(read.Record with { ErasedRows = 1 }, read.Version, CancellationToken.None));
        counted.Clear();
        var written = await run.SaveAsync(r => r with { Counts = r.Counts with { Rows = 20 } }, CancellationToken.None);
        var lostThenRead = counted.Count(HttpMethod.Get, p => p.EndsWith("/report.json", StringComparison.Ordinal));
        counted.Clear();
        await run.SaveAsync(r => r with { Counts = r.Counts with { Rows = 30 } }, CancellationToken.None);
        var readsAfter = counted.Count(HttpMethod.Get, p => p.EndsWith("/report.json", StringComparison.Ordinal));
        var stored = (await records.FindAsync(run.Started.OwnerId, run.Started.Id, CancellationToken.None))!;

        Assert.Equal((20L, 1), (written.Counts.Rows, written.ErasedRows));
        Assert.Equal((1, 0), (lostThenRead, readsAfter)); // read once, after its write lost; then over what it wrote again
        Assert.Equal((ImportStatus.Running, 30L, 1), (stored.Status, stored.Counts.Rows, stored.ErasedRows));
    }

    [Theory]
    [InlineData("stopped")]
    [InlineData("retried")]
    [InlineData("delivered again")]
    public async Task A_run_whose_record_was_taken_from_it_meanwhile_stops_and_writes_nothing_over_it(string meanwhile)
    {
        using var app = Start(new CountedStorageRequests());
        var (records, run) = await ClaimedRunAsync(app, "taken");
        await run.SaveAsync(r => r with { Counts = r.Counts with { Rows = 10 } }, CancellationToken.None);
        var read = (await records.FindVersionedAsync(run.Started.OwnerId, run.Started.Id, CancellationToken.None))!;
        var taken = meanwhile switch
        {
            "stopped" => ImportStall.Stopped(read.Record, DateTimeOffset.UtcNow),
            "retried" => read.Record with { Status = ImportStatus.Queued, Retries = read.Record.Retries + 1, Deliveries = 0 },
            _ => read.Record with { Deliveries = 2, Counts = new ImportCounts(0, 0, 0, 0, 0) },
        };
        Assert.True(await records.ReplaceAsync(taken, read.Version, CancellationToken.None));

        var superseded = await Assert.ThrowsAsync<DomainException>(() => run.SaveAsync(r => r with { Counts = r.Counts with { Rows = 20 } }, CancellationToken.None));
        var stored = (await records.FindAsync(run.Started.OwnerId, run.Started.Id, CancellationToken.None))!;
        var listed = Assert.Single(await records.ListAsync(run.Started.OwnerId, 10, CancellationToken.None));

        Assert.Equal(ImportRun.SupersededCode, superseded.Code);
        Assert.Equal(JsonSerializer.Serialize(taken), JsonSerializer.Serialize(stored));
        Assert.Equal((taken.Status, taken.Counts.Rows), (listed.Status, listed.Counts.Rows));
    }

    [Fact]
    public async Task A_run_whose_own_last_write_completed_the_import_writes_nothing_more_over_it()
    {
        using var app = Start(new CountedStorageRequests());
        var (records, run) = await ClaimedRunAsync(app, "ended");
        var completed = await run.SaveAsync(r => r with { Status = ImportStatus.Completed, CompletedUtc = DateTimeOffset.UtcNow }, CancellationToken.None);

        // Something after the completed write fails, and the failure is recorded through the run.
        var superseded = await Assert.ThrowsAsync<DomainException>(
            () => run.SaveAsync(r => r.Failed("The import could not be completed.", reached: null, DateTimeOffset.UtcNow), CancellationToken.None));
        var stored = (await records.FindAsync(run.Started.OwnerId, run.Started.Id, CancellationToken.None))!;

        Assert.Equal(ImportRun.SupersededCode, superseded.Code);
        Assert.Equal(JsonSerializer.Serialize(completed), JsonSerializer.Serialize(stored));
    }

    [Fact]
    public async Task A_run_whose_listed_summary_was_deleted_meanwhile_writes_it_anew_and_goes_on()
    {
        using var app = Start(new CountedStorageRequests());
        var (records, run) = await ClaimedRunAsync(app, "unlisted");
        await run.SaveAsync(r => r with { Counts = r.Counts with { Rows = 10 } }, CancellationToken.None);

        // The summary row is deleted by hand while the run goes on; the run knows its version from its last write.
        var tableName = app.Factory.Services.GetRequiredService<IOptions<StoreTableNames>>().Value.Imports;
        var table = StorageAccount.FromConnectionString(azurite.ConnectionString).GetTable(tableName);
        Assert.True(await table.DeleteAsync(run.Started.OwnerId, run.Started.Id));
        var progressed = await run.SaveAsync(r => r with { Counts = r.Counts with { Rows = 20 } }, CancellationToken.None);
        var completed = await run.SaveAsync(r => r with { Status = ImportStatus.Completed, CompletedUtc = DateTimeOffset.UtcNow }, CancellationToken.None);
        var listed = Assert.Single(await records.ListAsync(run.Started.OwnerId, 10, CancellationToken.None));
        var stored = (await records.FindAsync(run.Started.OwnerId, run.Started.Id, CancellationToken.None))!;

        Assert.Equal(20L, progressed.Counts.Rows);
        Assert.Equal((ImportStatus.Completed, 20L), (listed.Status, listed.Counts.Rows));
        Assert.Equal(JsonSerializer.Serialize(completed), JsonSerializer.Serialize(stored));
    }

    /// <summary>A queued import's record claimed by its first delivery, as <c>ImportContacts</c> claims it, and the run over the version the claim left.</summary>
    private static async Task<(ImportRecordStore Records, ImportRun Run)> ClaimedRunAsync(ApiApp app, string prefix)
    {
        var storage = app.Factory.Services.GetRequiredService<ImportStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var queued = new ImportRecord
        {
            Id = ImportIds.New(now), OwnerId = ApiApp.NewId(prefix), Status = ImportStatus.Queued, FileName = "people.csv", CreatedUtc = now, Deliveries = 0, ActiveUtc = now,
        };
        var saved = await storage.Records.SaveAsync(queued, CancellationToken.None);
        var claimed = queued with { Status = ImportStatus.Running, Deliveries = 1 };
        var version = await storage.Records.ReplaceAsync(claimed, saved, CancellationToken.None);
        Assert.NotNull(version);
        return (storage.Records, new ImportRun(storage.Records, claimed, mayCreate: false, version));
    }

    private ApiApp Start(CountedStorageRequests counted)
    {
        var options = new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(counted)) };
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString, options);
        return ApiApp.Start(
            azurite,
            TestAppRoot.CreateWithImports(maxDequeueCount: 3),
            services => services.AddSingleton(account),
            ("Imports:SyncMaxBytes", "1024"),
            ("Imports:ProgressInterval", "00:00:00"));
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string importId)
    {
        using var response = await client.GetAsync(new Uri($"/api/imports/{importId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }
}
