using System.Net;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Accounts;
using Outreach.Functions.Imports;
using Outreach.Storage;
using Outreach.Storage.Stores.Accounts;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// The last delivery of a queued import fails before the import starts (storage failing while the coach's consent is
/// checked, the connection to real Azurite dropped on those reads): the import is recorded failed at once, as one
/// failing later on its last delivery is, instead of staying queued with its message gone to the poison queue; one that
/// another delivery is running is left to that run, never failed under it.
/// </summary>
public sealed class LastDeliveryFailureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int MaxDeliveries = 3;

    [Fact]
    public async Task A_last_delivery_that_cannot_check_the_coachs_consent_records_the_import_failed_not_queued()
    {
        var consentReads = new DroppedConsentReads { InnerHandler = new HttpClientHandler() };
        var options = new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(consentReads)) };
        options.Retry.MaxRetries = 0;
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString, options);
        using var app = ApiApp.Start(azurite, TestAppRoot.CreateWithImports(MaxDeliveries), services => services.AddSingleton(account), ("Imports:SyncMaxBytes", "1024"));
        var (coachId, clientId) = (ApiApp.NewId("coach"), ApiApp.NewId("client"));
        using var coach = app.Client(await app.CreateAccountWithKeyAsync(coachId, AccountKind.Coach));
        using var client = app.Client(await app.CreateAccountWithKeyAsync(clientId));
        await Campaigns.CampaignsApp.GrantConsentAsync(client, coachId, "read", "write");
        using var upload = await PostCsvAsync(coach, Sample("class-visit.csv"), $"?owner={clientId}");
        var id = (await JsonAsync(upload)).GetProperty("id").GetString()!;

        consentReads.Dropping = true;
        using var delivered = await DeliverAsync(app, clientId, id, MaxDeliveries);
        consentReads.Dropping = false;
        using var response = await client.GetAsync(new Uri($"/api/imports/{id}", UriKind.Relative));
        var record = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, delivered.StatusCode); // the host's last attempt failed: poison queue
        Assert.Equal("failed", record.GetProperty("status").GetString());
        Assert.Equal("The import could not be completed; retry it.", record.GetProperty("error").GetString());
        Assert.Empty(await ContactsAsync(client));
    }

    [Fact]
    public async Task A_last_delivery_that_cannot_tell_whether_another_deliverys_run_is_live_leaves_that_run_its_record()
    {
        var leaseReads = new DroppedLeaseReads { InnerHandler = new HttpClientHandler() };
        var options = new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(leaseReads)) };
        options.Retry.MaxRetries = 0;
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString, options);
        using var app = ApiApp.Start(azurite, TestAppRoot.CreateWithImports(MaxDeliveries), services => services.AddSingleton(account), ("Imports:SyncMaxBytes", "1024"));
        var ownerId = ApiApp.NewId("live");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        using var upload = await PostCsvAsync(client, Sample("class-visit.csv"));
        var id = (await JsonAsync(upload)).GetProperty("id").GetString()!;

        // The first delivery runs the import, holding the owner's lease, when the host's last delivery comes and cannot read that lease.
        var records = app.Factory.Services.GetRequiredService<ImportStorage>().Records;
        var running = (await records.FindAsync(ownerId, id, CancellationToken.None))! with { Status = ImportStatus.Running, Deliveries = 1, ActiveUtc = DateTimeOffset.UtcNow };
        await records.SaveAsync(running, CancellationToken.None);
        Assert.NotNull(await app.Factory.Services.GetRequiredService<ImportLeases>().TryAcquireAsync(ownerId, id, CancellationToken.None));
        leaseReads.Dropping = true;
        using var delivered = await DeliverAsync(app, ownerId, id, MaxDeliveries);
        leaseReads.Dropping = false;
        var afterLast = (await records.FindAsync(ownerId, id, CancellationToken.None))!;
        var shown = await JsonAsync(await client.GetAsync(new Uri($"/api/imports/{id}", UriKind.Relative)));
        var written = await new ImportRun(records, running, mayCreate: false).SaveAsync(r => r with { Counts = r.Counts with { Rows = 5 } }, CancellationToken.None);

        Assert.Equal(HttpStatusCode.InternalServerError, delivered.StatusCode); // the host's last attempt failed: poison queue
        Assert.Equal((ImportStatus.Running, 1L), (afterLast.Status, afterLast.Deliveries));
        Assert.NotNull(afterLast.DeliveriesSpentUtc); // no delivery comes after it: should the run die, it is shown stopped
        Assert.Equal("running", shown.GetProperty("status").GetString());
        Assert.Equal((ImportStatus.Running, 5L), (written.Status, written.Counts.Rows)); // the live run goes on writing its record
    }

    /// <summary>While <see cref="Dropping"/>, drops the connection on every read of the owners' import leases; everything else goes to Azurite.</summary>
    private sealed class DroppedLeaseReads : DelegatingHandler
    {
        public volatile bool Dropping;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Dropping && request.Method == HttpMethod.Get && Uri.UnescapeDataString(request.RequestUri!.AbsolutePath).Contains(ImportLeases.Partition, StringComparison.Ordinal)
                ? throw new HttpRequestException("The connection was reset.")
                : base.SendAsync(request, cancellationToken);
    }

    /// <summary>While <see cref="Dropping"/>, drops the connection on every read of the coach consents; everything else goes to Azurite.</summary>
    private sealed class DroppedConsentReads : DelegatingHandler
    {
        public volatile bool Dropping;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Dropping && request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.Contains(AccountTables.CoachConsents, StringComparison.Ordinal)
                ? throw new HttpRequestException("The connection was reset.")
                : base.SendAsync(request, cancellationToken);
    }
}
