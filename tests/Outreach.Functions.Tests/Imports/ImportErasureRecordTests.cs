using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Contacts;
using Outreach.Functions.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// The erasure of a contact rewriting an import's record, on the real handler against real Azurite: it writes over the
/// version it read only, so what someone else saved meanwhile is redacted, never undone.
/// </summary>
public sealed class ImportErasureRecordTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task An_erasure_redacts_the_record_as_saved_meanwhile_instead_of_writing_back_the_version_it_read()
    {
        using var app = ApiApp.Start(azurite, TestAppRoot.CreateWithImports(maxDequeueCount: 3), _ => { }, ("Imports:SyncMaxBytes", "32"));
        var ownerId = ApiApp.NewId("erase");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ownerId));
        using var upload = await PostCsvAsync(client, Encoding.UTF8.GetBytes("Name,Email\nAda Lovelace,ada@example.org\nGrace Hopper,grace@example.org\n"));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var importId = (await JsonAsync(upload)).GetProperty("id").GetString()!;
        var records = app.Factory.Services.GetRequiredService<ImportStorage>().Records;
        var erasure = app.Factory.Services.GetRequiredService<ImportErasure>();

        // The erasure reads the queued record; a delivery then starts the import's run and saves it running.
        var read = (await records.FindVersionedAsync(ownerId, importId, CancellationToken.None))!;
        await records.SaveAsync(read.Record with { Status = ImportStatus.Running, Deliveries = 1 }, CancellationToken.None);
        var erased = await erasure.RedactRecordAsync(
            read, new Contact { OwnerId = ownerId, ContactId = "erased-contact" }, new HashSet<int> { 2 }, ["ada@example.org"], fileHash: null, CancellationToken.None);
        var stored = (await records.FindAsync(ownerId, importId, CancellationToken.None))!;
        using var list = await client.GetAsync(new Uri("/api/imports", UriKind.Relative));
        var listed = Assert.Single((await JsonAsync(list)).GetProperty("imports").EnumerateArray());

        Assert.Equal(1, erased);
        Assert.Equal((ImportStatus.Running, 1L, 1), (stored.Status, stored.Deliveries, stored.ErasedRows));
        Assert.Equal("running", listed.GetProperty("status").GetString());
    }
}
