using Microsoft.Playwright;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Dashboard;

/// <summary>
/// An upload too large to import at once, in a real browser: the app on Kestrel with its local runner and the
/// ImportContacts queue function, on Azurite. The page gets 202, polls the import until the queue function has
/// finished it and shows its report; the recent-imports list then shows the upload and its report again.
/// </summary>
public sealed class QueuedUploadBrowserTests(AzuriteFixture azurite) : BrowserTest, IClassFixture<AzuriteFixture>
{
    private readonly TestAppRoot _root = TestAppRoot.CreateWithImports(maxDequeueCount: 3);
    private FunctionAppFactory? _app;

    private protected override Uri Site => (_app ?? throw new InvalidOperationException("The app is started by InitializeAsync.")).ServerAddress;

    [Fact]
    public async Task A_queued_upload_is_polled_to_its_report_and_listed_under_recent_imports()
    {
        var key = await _app!.CreateAccountWithKeyAsync(ApiApp.NewId("queued"));
        var page = await OpenDashboardAsync(key);
        Assert.Equal("No file uploaded yet.", (await page.Locator("#imports-body").TextContentAsync())?.Trim());

        // samples/class-visit.csv is over the 1 KiB limit set below, so the app answers 202 and queues it.
        await page.SetInputFilesAsync("#upload-file", Path.Combine(RepositoryRoot.Path, "samples", "class-visit.csv"));
        var posted = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("#upload-form button[type=submit]"),
            r => r.Url.EndsWith("/api/imports", StringComparison.Ordinal) && r.Request.Method == "POST");
        await page.WaitForFunctionAsync("() => document.getElementById('upload-status').textContent === 'Import finished.'", null, new() { Timeout = 60_000 });

        Assert.Equal(202, posted.Status);
        Assert.StartsWith("Import of class-visit.csv: completed", await page.Locator("#upload-report h3").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(["20", "19", "1", "0", "0"], await page.Locator("#upload-report table.report-counts tbody td").AllTextContentsAsync());

        // The list was refreshed after the import: one row, completed, with the same counts; its button shows the report again.
        await page.WaitForSelectorAsync("#imports-body tbody tr");
        var cells = await page.Locator("#imports-body tbody tr td").AllTextContentsAsync();
        Assert.Equal(["class-visit.csv", "completed", "20", "19", "1", "0"], [cells[0], .. cells.Skip(2).Take(5)]);
        await page.EvaluateAsync("() => document.getElementById('upload-report').replaceChildren()");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show report: class-visit.csv" }).ClickAsync();
        await page.WaitForSelectorAsync("#upload-report h3");
        Assert.Equal(["20", "19", "1", "0", "0"], await page.Locator("#upload-report table.report-counts tbody td").AllTextContentsAsync());
        Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "TestResults"));
        await page.Locator("#upload").ScreenshotAsync(new() { Path = Path.Combine(RepositoryRoot.Path, "TestResults", "dashboard-recent-imports.png") });
        AssertNoBrowserErrors();
    }

    private protected override Task StartAppAsync()
    {
        _app = FunctionAppFactory.WithRunner(_root.Path, Settings(), _ => { }).StartWithRunner();
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

    private Dictionary<string, string?> Settings() => FunctionAppFactory.RunnerSettings(azurite.ConnectionString, ("Imports:SyncMaxBytes", "1024"));
}
