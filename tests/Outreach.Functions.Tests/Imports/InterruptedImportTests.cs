using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// A file imported while the caller waits, cut short half-way: the contacts of the rows it got through are stored, so its
/// record says so, instead of the import vanishing and its contacts turning up with nothing behind them.
/// </summary>
public sealed class InterruptedImportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    /// <summary>New people, so every batch writes a hundred contacts and the import runs long enough to be cut short.</summary>
    private const int Rows = 4000;

    /// <summary>Every batch saves its progress, and the test polls the imports often (past the default 120 requests a minute).</summary>
    private readonly ApiApp _app = ApiApp.Start(
        azurite, ("Imports:ProgressInterval", "00:00:00"), ("Imports:SyncMaxBytes", "1048576"), ("Limits:RequestsPerMinute", "100000"));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_import_at_once_whose_caller_leaves_half_way_is_listed_as_failed_counting_the_contacts_it_stored()
    {
        var ownerId = ApiApp.NewId("cut");
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ownerId));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(NumberedPeople(Rows)));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var leave = new CancellationTokenSource();

        var upload = client.PostAsync(new Uri("/api/imports?fileName=people.csv", UriKind.Relative), content, leave.Token);
        // Running is shown from its start; it is cut short once it has stored some rows.
        var running = await WaitForImportAsync(
            client, record => record.GetProperty("status").GetString() == "running" && record.GetProperty("counts").GetProperty("rows").GetInt64() > 0, upload);
        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => upload);
        var id = running.GetProperty("id").GetString()!;
        var failed = await WaitForImportAsync(client, record => record.GetProperty("id").GetString() == id && record.GetProperty("status").GetString() == "failed", upload: null);

        using var response = await client.GetAsync(new Uri($"/api/imports/{id}", UriKind.Relative));
        var record = await JsonAsync(response);
        var (rows, accepted, merged, known, rejected) = Counts(record);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.InRange(rows, 1, Rows - 1);
        Assert.Equal((rows, 0L, 0L, 0L), (accepted, merged, known, rejected));
        Assert.Contains($"It stopped after {rows} rows, whose contacts are stored", record.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.InRange((await ContactsAsync(client)).Count, (int)accepted, Rows - 1); // stored, and counted no more than stored

        // It never completes, so its rows are not "listed once it has completed": the answer says it failed and what to do.
        using var rowsResponse = await client.GetAsync(new Uri($"/api/imports/{id}/rows", UriKind.Relative));
        var problem = await JsonAsync(rowsResponse);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, rowsResponse.StatusCode);
        Assert.StartsWith("The import failed, so its rows are not listed: The import could not be completed. It stopped after", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Retried, it lists them once it has completed.", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Polls the owner's imports until one matches (at most 60 seconds, and never past the upload's own end).</summary>
    private static async Task<JsonElement> WaitForImportAsync(HttpClient client, Func<JsonElement, bool> matches, Task? upload)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using (var response = await client.GetAsync(new Uri("/api/imports", UriKind.Relative), deadline.Token))
            {
                response.EnsureSuccessStatusCode();
                foreach (var import in (await JsonAsync(response)).GetProperty("imports").EnumerateArray())
                {
                    if (matches(import))
                    {
                        return import;
                    }
                }
            }

            Assert.False(upload?.IsCompleted ?? false, "The upload ended before the import was seen running.");
            await Task.Delay(20, deadline.Token);
        }
    }
}
