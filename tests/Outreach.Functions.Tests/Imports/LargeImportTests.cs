using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Accounts;
using Outreach.Core.Imports;
using Outreach.Functions.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// Files over Imports:SyncMaxBytes: stored, queued on import-contacts and imported by the ImportContacts function through
/// the local runner, against real Azurite.
/// </summary>
public sealed class LargeImportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly TestAppRoot _root = TestAppRoot.CreateWithImports(maxDequeueCount: 3);

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Large_file_is_accepted_with_202_and_imported_by_the_queue_function_with_exact_counts()
    {
        await using var app = FunctionAppFactory.WithRunner(_root.Path, Settings(), _ => { }).StartWithRunner();
        using var client = app.ClientWithKey(await app.CreateAccountWithKeyAsync(ApiApp.NewId("large")));

        using var response = await PostCsvAsync(client, Sample("class-visit.csv"), "?event=Ignored%20when%20rows%20name%20one");
        var accepted = await JsonAsync(response);
        var location = response.Headers.Location!;
        var record = await WaitForFinishedAsync(client, location);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("queued", accepted.GetProperty("status").GetString());
        Assert.Equal($"/api/imports/{accepted.GetProperty("id").GetString()}", location.OriginalString);
        Assert.Equal(location.OriginalString, accepted.GetProperty("reportUrl").GetString());
        Assert.Equal("completed", record.GetProperty("status").GetString());
        Assert.Equal((20L, 19L, 1L, 0L, 0L), Counts(record));
        Assert.NotEqual(JsonValueKind.Null, record.GetProperty("completedUtc").ValueKind);
        Assert.Equal(19, (await ContactsAsync(client)).Count);
        var rows = await RowOutcomesAsync(client, accepted.GetProperty("id").GetString()!);
        Assert.Equal((ImportRowsCsv.Header, 20), (rows[0], rows.Length - 1));
        Assert.Equal([("accepted", 19), ("merged", 1)], rows.Skip(1).GroupBy(r => r.Split(',')[1]).Select(g => (g.Key, g.Count())).Order());
    }

    [Fact]
    public async Task A_queued_import_a_coach_started_does_not_run_once_the_client_has_withdrawn_consent()
    {
        using var app = ApiApp.Start(azurite, TestAppRoot.CreateWithImports(maxDequeueCount: 3), _ => { }, ("Imports:SyncMaxBytes", "1024"));
        var (coachId, withdrawn, consenting) = (ApiApp.NewId("coach"), ApiApp.NewId("gone"), ApiApp.NewId("kept"));
        using var coach = app.Client(await app.CreateAccountWithKeyAsync(coachId, AccountKind.Coach));
        using var gone = app.Client(await app.CreateAccountWithKeyAsync(withdrawn));
        using var kept = app.Client(await app.CreateAccountWithKeyAsync(consenting));
        await Campaigns.CampaignsApp.GrantConsentAsync(gone, coachId, "read", "write");
        await Campaigns.CampaignsApp.GrantConsentAsync(kept, coachId, "read", "write");
        var goneImport = await QueueAsync(coach, withdrawn);
        var keptImport = await QueueAsync(coach, consenting);
        using (var revoke = await gone.DeleteAsync(new Uri($"/api/consents/{coachId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        // The host delivers the queued messages after the withdrawal.
        await DeliveredAsync(app, withdrawn, goneImport);
        await DeliveredAsync(app, consenting, keptImport);

        Assert.Empty(await ContactsAsync(gone));
        using var report = await gone.GetAsync(new Uri($"/api/imports/{goneImport}", UriKind.Relative));
        var refused = await JsonAsync(report);
        Assert.Equal("failed", refused.GetProperty("status").GetString());
        Assert.Contains("consent withdrawn", refused.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(coachId, refused.GetProperty("startedBy").GetProperty("accountId").GetString());
        Assert.Equal(19, (await ContactsAsync(kept)).Count);
    }

    [Fact]
    public async Task A_coach_import_refused_for_withdrawn_consent_after_an_earlier_delivery_stored_rows_says_what_was_kept()
    {
        using var app = ApiApp.Start(
            azurite, TestAppRoot.CreateWithImports(maxDequeueCount: 3), _ => { }, ("Imports:SyncMaxBytes", "1024"), ("Imports:ProgressInterval", "00:00:00"));
        var (coachId, clientId) = (ApiApp.NewId("coach"), ApiApp.NewId("gone"));
        using var coach = app.Client(await app.CreateAccountWithKeyAsync(coachId, AccountKind.Coach));
        using var client = app.Client(await app.CreateAccountWithKeyAsync(clientId));
        await Campaigns.CampaignsApp.GrantConsentAsync(client, coachId, "read", "write");
        var bytes = Encoding.UTF8.GetBytes(NumberedPeople(
            1200, "Name,Email,Position", i => string.Create(CultureInfo.InvariantCulture, $"Person {i},p{i}@example.org,{new string('p', 200)}")));
        using var upload = await PostCsvAsync(coach, bytes, $"?owner={clientId}");
        var importId = (await JsonAsync(upload)).GetProperty("id").GetString()!;

        // A first delivery runs the import half-way, writing its progress, and is cut short there (its host shut down).
        var records = app.Factory.Services.GetRequiredService<ImportStorage>().Records;
        var runner = app.Factory.Services.GetRequiredService<ImportRunner>();
        var running = (await records.FindAsync(clientId, importId, CancellationToken.None))! with { Status = ImportStatus.Running, Deliveries = 1 };
        await records.SaveAsync(running, CancellationToken.None);
        await using var input = new GatedStream(bytes);
        var progress = new LatestImportProgress();
        using var kill = new CancellationTokenSource();
        var run = Task.Run(async () =>
        {
            var options = ImportRequest.Of(running).ToOptions(clientId, importId, running.FileName, running.SizeBytes);
            await using var import = await runner.StartAsync(input, options, progress, kill.Token);
            return await runner.RunAsync(import, running, campaign: null, progress, kill.Token);
        });
        await input.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while ((await records.FindAsync(clientId, importId, deadline.Token))!.Counts.Rows == 0)
            {
                await Task.Delay(20, deadline.Token);
            }
        }

        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var stored = (await records.FindAsync(clientId, importId, CancellationToken.None))!.Counts;
        using (var revoke = await client.DeleteAsync(new Uri($"/api/consents/{coachId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        await DeliveredAsync(app, clientId, importId, dequeueCount: 2);
        using var report = await client.GetAsync(new Uri($"/api/imports/{importId}", UriKind.Relative));
        var refused = await JsonAsync(report);
        var contacts = await ContactsAsync(client);

        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        Assert.Equal("failed", refused.GetProperty("status").GetString());
        Assert.Equal(
            "Not finished: consent withdrawn. The client no longer lets the coach who uploaded this file import for them (or enrol, for a campaign), " +
            $"so the rest of the file was not imported. An earlier attempt had already stored the contacts of at least its first {stored.Rows} rows " +
            $"({stored.Accepted} new, 0 merged, 0 already known, 0 rejected); they are kept.",
            refused.GetProperty("error").GetString());
        Assert.Equal((stored.Rows, stored.Accepted), (Counts(refused).Item1, Counts(refused).Item2));
        Assert.InRange(contacts.Count, (int)stored.Accepted, 1199);
    }

    private static async Task<string> QueueAsync(HttpClient coach, string clientId)
    {
        using var upload = await PostCsvAsync(coach, Sample("class-visit.csv"), $"?owner={clientId}");
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        return (await JsonAsync(upload)).GetProperty("id").GetString()!;
    }

    private static async Task DeliveredAsync(ApiApp app, string ownerId, string importId, int dequeueCount = 1)
    {
        using var invoked = await DeliverAsync(app, ownerId, importId, dequeueCount);
        Assert.Equal(HttpStatusCode.OK, invoked.StatusCode);
    }

    private Dictionary<string, string?> Settings() => FunctionAppFactory.RunnerSettings(azurite.ConnectionString, ("Imports:SyncMaxBytes", "1024"));
}
