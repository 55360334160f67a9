using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Accounts;
using Outreach.Functions.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Storage.Queues;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// <c>POST /api/imports/{id}/retry</c> on the real handler against real Azurite: a failed import runs again from the file
/// it kept, through its queue message and the ImportContacts function, and completes under its own id; an import that
/// cannot be retried, or an owner busy with another import, gets a 409 saying why and nothing changes.
/// </summary>
public sealed class ImportRetryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_failed_import_is_retried_from_its_kept_file_and_completes_under_its_own_id_with_exact_counts()
    {
        using var app = Start();
        var ownerId = ApiApp.NewId("retry");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        var storage = app.Factory.Services.GetRequiredService<ImportStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);

        // The upload is kept, but its message cannot be queued (the queue gone, as storage failing would): it fails.
        var queue = StorageAccount.FromConnectionString(azurite.ConnectionString).GetQueue(ImportQueueMessage.QueueName, QueueMessageEncoding.Base64);
        await queue.DeleteQueueAsync();
        using (var upload = await PostCsvAsync(client, Sample("class-visit.csv")))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, upload.StatusCode);
        }

        await queue.CreateIfNotExistsAsync();
        var listed = Assert.Single(await ListedAsync(client));
        var id = listed.GetProperty("id").GetString()!;
        var failed = await GetAsync(client, id);

        using var retry = await RetryAsync(client, id);
        var accepted = await JsonAsync(retry);
        var queued = await GetAsync(client, id);
        var message = Assert.Single(await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5)), m => m.Text.Contains(id, StringComparison.Ordinal));
        using (var delivered = await DeliverMessageAsync(app, message.Text))
        {
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }

        var completed = await GetAsync(client, id);
        var listedAfter = Assert.Single(await ListedAsync(client));
        using var again = await RetryAsync(client, id);
        var refused = await JsonAsync(again);

        Assert.Equal(("failed", true), (listed.GetProperty("status").GetString(), listed.GetProperty("retryable").GetBoolean()));
        Assert.Equal((ImportsApi.NotQueued, true), (failed.GetProperty("error").GetString(), failed.GetProperty("retryable").GetBoolean()));
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal($"/api/imports/{id}", retry.Headers.Location!.OriginalString);
        Assert.Equal((id, "queued"), (accepted.GetProperty("id").GetString(), accepted.GetProperty("status").GetString()));
        Assert.Equal(("queued", 1, false), (queued.GetProperty("status").GetString(), queued.GetProperty("retries").GetInt32(), queued.TryGetProperty("error", out var e) && e.ValueKind != JsonValueKind.Null));
        Assert.Equal(JsonValueKind.String, queued.GetProperty("messageSentUtc").ValueKind);
        Assert.Equal(ownerId, queued.GetProperty("startedBy").GetProperty("accountId").GetString());
        Assert.Equal(("completed", false), (completed.GetProperty("status").GetString(), completed.GetProperty("retryable").GetBoolean()));
        Assert.Equal((20L, 19L, 1L, 0L, 0L), Counts(completed));
        Assert.Equal(JsonValueKind.Null, completed.GetProperty("error").ValueKind);
        Assert.Equal(("completed", false), (listedAfter.GetProperty("status").GetString(), listedAfter.GetProperty("retryable").GetBoolean()));
        Assert.Equal(19, (await ContactsAsync(client)).Count);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(("import.not-retryable", "id"), (refused.GetProperty("code").GetString(), refused.GetProperty("target").GetString()));
        Assert.Equal("The import is completed, so there is nothing to retry; upload the file again to import it anew.", refused.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Retrying_is_refused_with_409_for_an_import_under_way_one_its_file_failed_one_whose_file_is_gone_and_while_the_owner_is_busy()
    {
        using var app = Start();
        var ownerId = ApiApp.NewId("refuse");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        var storage = app.Factory.Services.GetRequiredService<ImportStorage>();
        var leases = app.Factory.Services.GetRequiredService<ImportLeases>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        using var upload = await PostCsvAsync(client, Sample("class-visit.csv"));
        var underWay = (await JsonAsync(upload)).GetProperty("id").GetString()!;
        var unreadable = await SaveFailedAsync(storage, ownerId, "The file has no header row.", "import.no-header", withFile: true);
        var fileGone = await SaveFailedAsync(storage, ownerId, "The import could not be completed; retry it.", errorCode: null, withFile: false);
        var stopped = await SaveFailedAsync(storage, ownerId, "The import could not be completed; retry it.", errorCode: null, withFile: true);

        using var queuedRetry = await RetryAsync(client, underWay);
        using var unreadableRetry = await RetryAsync(client, unreadable);
        using var goneRetry = await RetryAsync(client, fileGone);
        await using (await leases.TryAcquireAsync(ownerId, "another-import", CancellationToken.None))
        {
            using var busyRetry = await RetryAsync(client, stopped);
            Assert.Equal(HttpStatusCode.Conflict, busyRetry.StatusCode);
            Assert.Equal("30", busyRetry.Headers.GetValues("Retry-After").Single());
            Assert.Equal("import.owner-busy", (await JsonAsync(busyRetry)).GetProperty("code").GetString());
        }

        using var missing = await RetryAsync(client, ImportIds.New(DateTimeOffset.UnixEpoch));

        Assert.Equal(HttpStatusCode.Conflict, queuedRetry.StatusCode);
        Assert.Equal(
            "The import is queued: it is still under way, so there is nothing to retry; its report says how far it has got.",
            (await JsonAsync(queuedRetry)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, unreadableRetry.StatusCode);
        Assert.Equal(
            "The import failed because of its file or what it asked for, so retrying it would fail the same way: The file has no header row. Fix that and upload the file again.",
            (await JsonAsync(unreadableRetry)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, goneRetry.StatusCode);
        Assert.Equal("import.upload-missing", (await JsonAsync(goneRetry)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("queued", (await GetAsync(client, underWay)).GetProperty("status").GetString());
        foreach (var id in new[] { unreadable, fileGone, stopped })
        {
            var record = await GetAsync(client, id);
            Assert.Equal(("failed", 0), (record.GetProperty("status").GetString(), record.TryGetProperty("retries", out var r) ? r.GetInt32() : 0));
        }

        Assert.False((await GetAsync(client, unreadable)).GetProperty("retryable").GetBoolean());
    }

    [Fact]
    public async Task A_retry_whose_kept_file_is_no_longer_the_upload_is_refused_while_one_an_erasure_rewrote_runs_without_the_erased_contact()
    {
        using var app = Start();
        var ownerId = ApiApp.NewId("changed");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        var storage = app.Factory.Services.GetRequiredService<ImportStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        string patId;
        using (var first = await PostCsvAsync(client, Encoding.UTF8.GetBytes("Name,Email\nPat Doe,pat.doe@example.org\n")))
        {
            patId = (await JsonAsync(first)).GetProperty("accepted")[0].GetProperty("contactId").GetString()!;
        }

        // Two uploads naming Pat among others are kept, and fail to be queued (the queue gone, as storage failing would).
        var file = Encoding.UTF8.GetBytes(NumberedPeople(60) + "Pat Doe,pat.doe@example.org\n");
        var queue = StorageAccount.FromConnectionString(azurite.ConnectionString).GetQueue(ImportQueueMessage.QueueName, QueueMessageEncoding.Base64);
        await queue.DeleteQueueAsync();
        foreach (var _ in new[] { 1, 2 })
        {
            using var upload = await PostCsvAsync(client, file);
            Assert.Equal(HttpStatusCode.InternalServerError, upload.StatusCode);
        }

        await queue.CreateIfNotExistsAsync();
        var failed = (await ListedAsync(client)).Where(i => i.GetProperty("status").GetString() == "failed").Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(2, failed.Count);
        var (erasedOnly, replaced) = (failed[0], failed[1]);

        // Pat is erased, which rewrites both kept files; then one of them is replaced by another file.
        using (var erase = await client.DeleteAsync(new Uri($"/api/contacts/{patId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        }

        await storage.Records.Blobs.UploadAsync(ImportBlobLayout.Upload(ownerId, replaced), new MemoryStream(Sample("class-visit.csv")), "text/csv");
        using var refusedRetry = await RetryAsync(client, replaced);
        var refused = await JsonAsync(refusedRetry);
        using var retry = await RetryAsync(client, erasedOnly);
        var message = Assert.Single(await queue.ReceiveAsync(32, TimeSpan.FromMinutes(5)), m => m.Text.Contains(erasedOnly, StringComparison.Ordinal));
        using (var delivered = await DeliverMessageAsync(app, message.Text))
        {
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Conflict, refusedRetry.StatusCode);
        Assert.Equal(("import.upload-changed", "id"), (refused.GetProperty("code").GetString(), refused.GetProperty("target").GetString()));
        Assert.Equal(
            "The file kept for this import is no longer the one that was uploaded (its content has changed since), so it cannot be retried. "
                + "If you erased a contact and the erasure did not finish, erase that contact again, then retry; otherwise upload the file again.",
            refused.GetProperty("title").GetString());
        Assert.Equal(("failed", true), ((await GetAsync(client, replaced)).GetProperty("status").GetString(), (await GetAsync(client, replaced)).GetProperty("retryable").GetBoolean()));
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal("completed", (await GetAsync(client, erasedOnly)).GetProperty("status").GetString());
        var contacts = await ContactsAsync(client);
        Assert.Equal(60, contacts.Count);
        Assert.DoesNotContain(contacts, c => c.ToString().Contains("pat.doe@example.org", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_retry_while_an_erasure_rewrites_the_kept_file_is_told_the_owner_is_busy_and_is_accepted_once_it_has_finished()
    {
        string? failedId = null;
        var held = new HeldStorageRequest(r => r.Method == HttpMethod.Put && failedId is not null && r.RequestUri!.AbsolutePath.EndsWith($"/{failedId}/report.json", StringComparison.Ordinal));
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString, new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(held)) });
        using var app = ApiApp.Start(azurite, TestAppRoot.CreateWithImports(maxDequeueCount: 3), services => services.AddSingleton(account), ("Imports:SyncMaxBytes", "1024"));
        var ownerId = ApiApp.NewId("midway");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        await app.Factory.Services.GetRequiredService<ImportStorage>().EnsureCreatedAsync(CancellationToken.None);
        string patId;
        using (var first = await PostCsvAsync(client, Encoding.UTF8.GetBytes("Name,Email\nPat Doe,pat.doe@example.org\n")))
        {
            patId = (await JsonAsync(first)).GetProperty("accepted")[0].GetProperty("contactId").GetString()!;
        }

        var queue = StorageAccount.FromConnectionString(azurite.ConnectionString).GetQueue(ImportQueueMessage.QueueName, QueueMessageEncoding.Base64);
        await queue.DeleteQueueAsync();
        using (var upload = await PostCsvAsync(client, Encoding.UTF8.GetBytes(NumberedPeople(60) + "Pat Doe,pat.doe@example.org\n")))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, upload.StatusCode);
        }

        await queue.CreateIfNotExistsAsync();
        failedId = (await ListedAsync(client)).Single(i => i.GetProperty("status").GetString() == "failed").GetProperty("id").GetString()!;

        // Pat is erased: the kept file is rewritten, and the erasure's write of the import's record is held in flight.
        held.Arm();
        var erase = client.DeleteAsync(new Uri($"/api/contacts/{patId}", UriKind.Relative));
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        using var midway = await RetryAsync(client, failedId);
        var busy = await JsonAsync(midway);
        held.Release();
        using (var erased = await erase)
        {
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }

        using var after = await RetryAsync(client, failedId);

        Assert.Equal(HttpStatusCode.Conflict, midway.StatusCode);
        Assert.Equal(("import.owner-busy", "30"), (busy.GetProperty("code").GetString(), midway.Headers.TryGetValues("Retry-After", out var wait) ? wait.Single() : null));
        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
    }

    [Fact]
    public async Task An_import_whose_campaign_was_deleted_is_refused_naming_the_campaign_and_left_failed()
    {
        using var app = Start();
        var ownerId = ApiApp.NewId("nocamp");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        var storage = app.Factory.Services.GetRequiredService<ImportStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var failed = await SaveFailedAsync(storage, ownerId, "The import could not be completed; retry it.", errorCode: null, withFile: true, campaign: "deleted-campaign");

        using var retry = await RetryAsync(client, failed);
        var problem = await JsonAsync(retry);

        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Equal(("import.campaign-missing", "campaign"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Equal(
            "This import enrols its contacts in campaign 'deleted-campaign', which no longer exists, so it cannot be retried; upload the file again with another campaign, or none.",
            problem.GetProperty("title").GetString());
        Assert.Equal("failed", (await GetAsync(client, failed)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_coach_acting_for_a_consenting_client_may_not_retry_the_clients_import_and_changes_nothing()
    {
        using var app = Start();
        var (coachId, clientId) = (ApiApp.NewId("coach"), ApiApp.NewId("client"));
        using var coach = app.Client(await app.CreateAccountWithKeyAsync(coachId, AccountKind.Coach));
        using var client = app.Client(await app.CreateAccountWithKeyAsync(clientId));
        await Campaigns.CampaignsApp.GrantConsentAsync(client, coachId, "read", "write");
        var storage = app.Factory.Services.GetRequiredService<ImportStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var failed = await SaveFailedAsync(storage, clientId, "The import could not be completed; retry it.", errorCode: null, withFile: true);

        using var retry = await coach.PostAsync(new Uri($"/api/imports/{failed}/retry?owner={clientId}", UriKind.Relative), null);
        var problem = await JsonAsync(retry);

        Assert.Equal(HttpStatusCode.Forbidden, retry.StatusCode);
        Assert.Equal(("import.owner-only", "owner"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Equal("failed", (await GetAsync(client, failed)).GetProperty("status").GetString());
    }

    private ApiApp Start() => ApiApp.Start(azurite, TestAppRoot.CreateWithImports(maxDequeueCount: 3), _ => { }, ("Imports:SyncMaxBytes", "1024"));

    /// <summary>Saves a failed import as a failed run leaves it (its file kept or not) and returns its id.</summary>
    private static async Task<string> SaveFailedAsync(ImportStorage storage, string ownerId, string error, string? errorCode, bool withFile, string? campaign = null)
    {
        var now = DateTimeOffset.UtcNow;
        var record = new ImportRecord
        {
            Id = ImportIds.New(now), OwnerId = ownerId, Status = ImportStatus.Failed, FileName = "class-visit.csv", CreatedUtc = now, CompletedUtc = now,
            ActiveUtc = now, Deliveries = 3, Error = error, ErrorCode = errorCode, Campaign = campaign,
        };
        if (withFile)
        {
            await storage.Records.Blobs.UploadAsync(ImportBlobLayout.Upload(ownerId, record.Id), new MemoryStream(Sample("class-visit.csv")), "text/csv");
        }

        await storage.Records.SaveAsync(record, CancellationToken.None);
        return record.Id;
    }

    private static Task<HttpResponseMessage> RetryAsync(HttpClient client, string importId) =>
        client.PostAsync(new Uri($"/api/imports/{importId}/retry", UriKind.Relative), null);

    private static async Task<JsonElement> GetAsync(HttpClient client, string importId)
    {
        using var response = await client.GetAsync(new Uri($"/api/imports/{importId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }
}
