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
/// A contact erased while a delivery of a queued import whose file names them waits for the owner, on the real handler
/// against real Azurite: the erasure rewrites the kept file without them, and the import reads the file as the erasure
/// left it, so the erased person does not come back. The erasure's listing of the owner's files is held in flight (its
/// connection to Azurite paused) while the delivery starts, so the two overlap every time.
/// </summary>
public sealed class QueuedImportErasureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string ErasedEmail = "pat.doe@example.org";

    [Fact]
    public async Task A_queued_import_delivered_while_a_contact_is_erased_reads_its_file_without_them_and_does_not_bring_them_back()
    {
        var ownerId = ApiApp.NewId("erase");
        string? queuedId = null;
        var held = new HeldStorageRequest(
            r => r.Method == HttpMethod.Get && r.RequestUri!.Query.Contains("comp=list", StringComparison.Ordinal) && r.RequestUri.Query.Contains(ownerId, StringComparison.Ordinal),
            observe: r => r.Method == HttpMethod.Get && queuedId is not null && r.RequestUri!.AbsolutePath.EndsWith($"/{queuedId}/upload.csv", StringComparison.Ordinal));
        var account = StorageAccount.FromConnectionString(
            azurite.ConnectionString, new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(held)) });
        using var app = ApiApp.Start(
            azurite, TestAppRoot.CreateWithImports(maxDequeueCount: 3), services => services.AddSingleton(account),
            ("Imports:SyncMaxBytes", "1024"), ("Imports:ConcurrentImportWait", "00:00:30"));
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        var records = app.Factory.Services.GetRequiredService<ImportStorage>().Records;

        // Pat was imported before; a larger file naming Pat again is queued.
        string patId;
        (patId, queuedId) = await PatThenQueuedFileNamingPatAsync(client, ErasedEmail);

        // Pat is erased: the erasure holds the owner's lease while it lists the files to rewrite.
        held.Arm();
        var erase = client.DeleteAsync(new Uri($"/api/contacts/{patId}", UriKind.Relative));
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(60));

        // The queued import's message is delivered meanwhile: it claims the import and waits for the owner.
        var delivery = DeliverAsync(app, ownerId, queuedId);
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while ((await records.FindAsync(ownerId, queuedId, deadline.Token))?.Status != ImportStatus.Running)
            {
                await Task.Delay(20, deadline.Token);
            }
        }

        // Had it opened its file before the owner was free, it would have by now.
        await Task.WhenAny(held.Seen, Task.Delay(TimeSpan.FromSeconds(2)));
        held.Release();
        using var erased = await erase;
        using var delivered = await delivery;
        var completed = await WaitForFinishedAsync(client, new Uri($"/api/imports/{queuedId}", UriKind.Relative));
        var contacts = await ContactsAsync(client);

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(60, completed.GetProperty("counts").GetProperty("accepted").GetInt64());
        Assert.Equal(60, contacts.Count);
        Assert.DoesNotContain(contacts, c => c.ToString().Contains(ErasedEmail, StringComparison.OrdinalIgnoreCase));
    }
}
