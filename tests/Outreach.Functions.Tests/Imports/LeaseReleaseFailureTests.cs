using System.Net;
using System.Text;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Functions.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// Freeing the owner's import lease fails (the connection to real Azurite drops on that one request) after an import has
/// completed: the lease runs out on its own within a minute, and the import is reported as what it is, completed.
/// </summary>
public sealed class LeaseReleaseFailureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task An_import_that_completed_is_not_reported_failed_because_freeing_the_owners_lease_failed()
    {
        var options = new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(new DroppedLeaseRelease { InnerHandler = new HttpClientHandler() })) };
        options.Retry.MaxRetries = 0;
        var leaseTable = StorageAccount.FromConnectionString(azurite.ConnectionString, options).GetTable("Imports");
        using var app = ApiApp.Start(azurite, services => services.AddSingleton(new ImportLeases(leaseTable, TimeProvider.System)));
        var ownerId = ApiApp.NewId("free");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));

        using var response = await PostCsvAsync(client, Encoding.UTF8.GetBytes("Name,Email\nAda Lovelace,ada@example.org\n"));
        using var list = await client.GetAsync(new Uri("/api/imports", UriKind.Relative));
        var listed = Assert.Single((await JsonAsync(list)).GetProperty("imports").EnumerateArray());
        using var stored = await client.GetAsync(new Uri($"/api/imports/{listed.GetProperty("id").GetString()}", UriKind.Relative));
        var record = await JsonAsync(stored);
        var leftBehind = await app.Factory.Services.GetRequiredService<ImportLeases>().FindHolderAsync(ownerId, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", (await JsonAsync(response)).GetProperty("status").GetString());
        Assert.Equal(("completed", 1L), (record.GetProperty("status").GetString(), record.GetProperty("counts").GetProperty("accepted").GetInt64()));
        Assert.Single(await ContactsAsync(client));
        Assert.NotNull(leftBehind); // not freed, so it runs out by itself
        Assert.InRange(leftBehind.HeldUntil, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow + ImportLeases.Duration);
    }

    /// <summary>Drops the connection on every request that deletes a lease row, and passes everything else to Azurite.</summary>
    private sealed class DroppedLeaseRelease : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.Method == HttpMethod.Delete && request.RequestUri!.AbsolutePath.Contains(ImportLeases.Partition, StringComparison.Ordinal)
                ? throw new HttpRequestException("The connection was reset.")
                : base.SendAsync(request, cancellationToken);
    }
}
