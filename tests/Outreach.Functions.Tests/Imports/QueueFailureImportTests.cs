using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Functions.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Storage.Queues;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>A large upload whose queue message cannot be sent, on the real handler against real Azurite: its record says so instead of staying queued for ever.</summary>
public sealed class QueueFailureImportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_large_upload_whose_queue_message_cannot_be_sent_is_recorded_failed_not_left_queued()
    {
        using var app = ApiApp.Start(azurite, TestAppRoot.CreateWithImports(maxDequeueCount: 3), _ => { }, ("Imports:SyncMaxBytes", "1024"));
        var ownerId = ApiApp.NewId("noq");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        await app.Factory.Services.GetRequiredService<ImportStorage>().EnsureCreatedAsync(CancellationToken.None);
        // The queue goes away after the app made sure of it: sending the message fails as storage failing would.
        await StorageAccount.FromConnectionString(azurite.ConnectionString).GetQueue(ImportQueueMessage.QueueName, QueueMessageEncoding.Base64).DeleteQueueAsync();

        using var upload = await PostCsvAsync(client, Sample("class-visit.csv"));
        using var list = await client.GetAsync(new Uri("/api/imports", UriKind.Relative));
        var import = Assert.Single((await JsonAsync(list)).GetProperty("imports").EnumerateArray());
        using var response = await client.GetAsync(new Uri($"/api/imports/{import.GetProperty("id").GetString()}", UriKind.Relative));
        var record = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, upload.StatusCode);
        Assert.Equal("failed", import.GetProperty("status").GetString());
        Assert.Equal(("failed", ImportsApi.NotQueued), (record.GetProperty("status").GetString(), record.GetProperty("error").GetString()));
        Assert.Empty(await ContactsAsync(client));
    }
}
