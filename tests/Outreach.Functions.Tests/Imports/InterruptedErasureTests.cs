using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Functions.Imports;
using Outreach.Functions.Outcomes;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// The erasure of a contact cut short in the middle of an import's file, record and row outcomes (the request cancelled
/// right after one of their writes landed), then run again, on the real handler against real Azurite: no state in
/// between lets a retry, or a queued import's delivery, import the erased contact again, and erasing again finishes it,
/// with the record's fingerprint the kept file's, so the import can be retried, and no row counted twice.
/// </summary>
public sealed class InterruptedErasureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string File = "Name,Email\nAda Lovelace,ada@example.org\nGrace Hopper,grace@example.org\n";

    [Theory]
    [InlineData("report.json")]
    [InlineData("rows.csv")]
    [InlineData("upload.csv")]
    public async Task An_erasure_cut_short_after_any_write_is_finished_by_erasing_again_and_the_import_can_then_be_retried(string cutAfter)
    {
        string? importId = null;
        var cut = new CutStorageRequest(r => r.Method == HttpMethod.Put && importId is not null && r.RequestUri!.AbsolutePath.EndsWith($"/{importId}/{cutAfter}", StringComparison.Ordinal));
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString, new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(cut)) });
        using var app = ApiApp.Start(azurite, TestAppRoot.CreateWithImports(maxDequeueCount: 3), services => services.AddSingleton(account));
        var ownerId = ApiApp.NewId("cut");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        using (var upload = await PostCsvAsync(client, Encoding.UTF8.GetBytes(File)))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
            importId = (await JsonAsync(upload)).GetProperty("id").GetString()!;
        }

        // The import is one its owner may retry (its run died, say), from the file kept for it.
        var records = app.Factory.Services.GetRequiredService<ImportStorage>().Records;
        var imported = (await records.FindAsync(ownerId, importId, CancellationToken.None))!;
        await records.SaveAsync(imported.Failed("The import could not be completed.", reached: null, DateTimeOffset.UtcNow), CancellationToken.None);
        var ada = Assert.Single(imported.Accepted, a => a.Line == 2).ContactId;
        var eraser = app.Factory.Services.GetRequiredService<ContactEraser>();

        cut.Arm();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => eraser.EraseAsync(ownerId, ada, cut.Token));
        var (fileBetween, recordBetween) = (await KeptAsync(records, ImportBlobLayout.Upload(ownerId, importId)), (await records.FindAsync(ownerId, importId, CancellationToken.None))!);

        Assert.True(await eraser.EraseAsync(ownerId, ada, CancellationToken.None));
        var file = await KeptAsync(records, ImportBlobLayout.Upload(ownerId, importId));
        var record = (await records.FindAsync(ownerId, importId, CancellationToken.None))!;
        var rows = Encoding.UTF8.GetString(await KeptAsync(records, ImportBlobLayout.Rows(ownerId, importId))).Split("\r\n");
        using var retry = await client.PostAsync(new Uri($"/api/imports/{importId}/retry", UriKind.Relative), null);

        // Cut short: a file still holding the contact is never one the record vouches for, so no retry imports it again.
        Assert.True(cut.Cut);
        Assert.False(Holds(fileBetween, "ada@example.org") && recordBetween.UploadSha256 == Sha256(fileBetween), "the record vouches for a file that still holds the contact");

        // Erased again: the file, the record and the row outcomes without the contact, the row counted once, the file retryable.
        Assert.False(Holds(file, "ada@example.org"));
        Assert.True(Holds(file, "grace@example.org"));
        Assert.Equal(Sha256(file), record.UploadSha256);
        Assert.Equal(1, record.ErasedRows);
        Assert.DoesNotContain(record.Accepted, a => a.ContactId == ada);
        Assert.DoesNotContain(rows, r => r.StartsWith("2,", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("3,", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
    }

    [Fact]
    public async Task A_queued_import_whose_file_an_erasure_cut_short_did_not_rewrite_is_not_imported_until_erasing_again_finishes_it()
    {
        const string Pat = "pat.doe@example.org";
        string? queuedId = null;
        var cut = new CutStorageRequest(r => r.Method == HttpMethod.Put && queuedId is not null && r.RequestUri!.AbsolutePath.EndsWith($"/{queuedId}/report.json", StringComparison.Ordinal));
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString, new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(cut)) });
        using var app = ApiApp.Start(azurite, TestAppRoot.CreateWithImports(maxDequeueCount: 3), services => services.AddSingleton(account), ("Imports:SyncMaxBytes", "1024"));
        var ownerId = ApiApp.NewId("cut");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        // A larger file naming Pat is queued; Pat's erasure is cut short once it has written that import's record, before
        // it rewrote its file: the file still names Pat, and the record vouches for the file as the erasure would leave it.
        string patId;
        (patId, queuedId) = await PatThenQueuedFileNamingPatAsync(client, Pat);
        var eraser = app.Factory.Services.GetRequiredService<ContactEraser>();
        cut.Arm();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => eraser.EraseAsync(ownerId, patId, cut.Token));
        var importUri = new Uri($"/api/imports/{queuedId}", UriKind.Relative);
        using (var delivered = await DeliverAsync(app, ownerId, queuedId))
        {
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }

        var refused = await WaitForFinishedAsync(client, importUri);
        var contactsRefused = await ContactsAsync(client);

        // Erasing Pat again finishes the erasure; the import is then retried and imports its file without Pat.
        Assert.True(await eraser.EraseAsync(ownerId, patId, CancellationToken.None));
        using var retry = await client.PostAsync(new Uri($"/api/imports/{queuedId}/retry", UriKind.Relative), null);
        using (var delivered = await DeliverAsync(app, ownerId, queuedId))
        {
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }

        var completed = await WaitForFinishedAsync(client, importUri);
        var contacts = await ContactsAsync(client);

        Assert.True(cut.Cut);
        Assert.Equal(("failed", "import.upload-changed", true), (refused.GetProperty("status").GetString(), refused.GetProperty("errorCode").GetString(), refused.GetProperty("retryable").GetBoolean()));
        Assert.Contains("erase that contact again, then retry", refused.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, Counts(refused).Item1);
        Assert.DoesNotContain(contactsRefused, c => c.ToString().Contains(Pat, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(60, completed.GetProperty("counts").GetProperty("accepted").GetInt64());
        Assert.Equal(60, contacts.Count);
        Assert.DoesNotContain(contacts, c => c.ToString().Contains(Pat, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<byte[]> KeptAsync(ImportRecordStore records, string blobName)
    {
        using var file = new MemoryStream();
        Assert.True(await records.Blobs.DownloadToAsync(blobName, file, CancellationToken.None));
        return file.ToArray();
    }

    private static bool Holds(byte[] file, string value) => Encoding.UTF8.GetString(file).Contains(value, StringComparison.OrdinalIgnoreCase);

    private static string Sha256(byte[] file) => Convert.ToHexStringLower(SHA256.HashData(file));
}
