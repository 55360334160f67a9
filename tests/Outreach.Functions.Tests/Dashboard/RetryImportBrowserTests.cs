using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Outreach.Functions.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Dashboard;

/// <summary>
/// A failed import retried from the dashboard in a real browser: the app on Kestrel with its local runner and the
/// ImportContacts queue function, on Azurite. Recent imports offers Retry for it; the page waits for the retried import's
/// report, which lists the part of a row that was not added, and the list then shows it completed, with no Retry.
/// </summary>
public sealed class RetryImportBrowserTests(AzuriteFixture azurite) : BrowserTest, IClassFixture<AzuriteFixture>
{
    private const string PeopleCsv = "Name,Email\nAda Lovelace,\"ada@example.org; ada at home\"\nGrace Hopper,grace@example.org\n";

    private readonly TestAppRoot _root = TestAppRoot.CreateWithImports(maxDequeueCount: 3);
    private FunctionAppFactory? _app;

    private protected override Uri Site => (_app ?? throw new InvalidOperationException("The app is started by InitializeAsync.")).ServerAddress;

    [Fact]
    public async Task A_failed_import_is_retried_from_recent_imports_and_its_report_lists_the_parts_not_added()
    {
        var ownerId = ApiApp.NewId("retry");
        var key = await _app!.CreateAccountWithKeyAsync(ownerId);
        var failed = await SaveFailedAsync(ownerId);
        var page = await OpenDashboardAsync(key);
        await page.WaitForSelectorAsync("#imports-body tbody tr");
        var before = await page.Locator("#imports-body tbody tr td").AllTextContentsAsync();

        var retried = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Retry: people.csv" }).ClickAsync(),
            r => r.Url.EndsWith($"/api/imports/{failed}/retry", StringComparison.Ordinal) && r.Request.Method == "POST");
        await page.WaitForFunctionAsync("() => document.getElementById('upload-status').textContent === 'Import finished.'", null, new() { Timeout = 60_000 });

        Assert.Equal(["people.csv", "failed"], [before[0], before[2]]);
        Assert.Equal(202, retried.Status);
        Assert.StartsWith("Import of people.csv: completed", await page.Locator("#upload-report h3").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(["2", "2", "0", "0", "0"], await page.Locator("#upload-report table.report-counts tbody td").AllTextContentsAsync());
        Assert.Equal(
            ["2", "new", "Email", "holds a 2nd address, left out of the contact: it is not a valid email address (it has no @)"],
            await page.Locator("#upload-report table.report-not-added tbody td").AllTextContentsAsync());

        // The list was refreshed: the same import, completed, with nothing left to retry.
        await page.WaitForFunctionAsync("() => document.querySelector('#imports-body tbody tr td:nth-child(3)')?.textContent === 'completed'");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Retry: people.csv" }).CountAsync());
        Assert.Equal(1, await page.Locator("#imports-body tbody tr").CountAsync());
        AssertNoBrowserErrors();
    }

    private protected override Task StartAppAsync()
    {
        _app = FunctionAppFactory.WithRunner(_root.Path, FunctionAppFactory.RunnerSettings(azurite.ConnectionString), _ => { }).StartWithRunner();
        return Task.CompletedTask;
    }

    private protected override async ValueTask StopAppAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _root.Dispose();
    }

    /// <summary>Saves a failed import as a run cut short leaves it (its file kept) and returns its id.</summary>
    private async Task<string> SaveFailedAsync(string ownerId)
    {
        var storage = _app!.Services.GetRequiredService<ImportStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var record = new ImportRecord
        {
            Id = ImportIds.New(now), OwnerId = ownerId, Status = ImportStatus.Failed, FileName = "people.csv", SizeBytes = PeopleCsv.Length, CreatedUtc = now,
            CompletedUtc = now, ActiveUtc = now, Deliveries = 3, Error = ImportsApi.CouldNotComplete,
        };
        await storage.Records.Blobs.UploadAsync(ImportBlobLayout.Upload(ownerId, record.Id), new MemoryStream(Encoding.UTF8.GetBytes(PeopleCsv)), "text/csv");
        await storage.Records.SaveAsync(record, CancellationToken.None);
        return record.Id;
    }
}
