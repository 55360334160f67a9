using System.Net;
using System.Text.Json;
using Outreach.Core.Imports;
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

    private Dictionary<string, string?> Settings() => FunctionAppFactory.RunnerSettings(azurite.ConnectionString, ("Imports:SyncMaxBytes", "1024"));
}
