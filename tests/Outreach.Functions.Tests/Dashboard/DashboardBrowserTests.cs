using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Analytics.Counters;
using Outreach.Core.Analytics.Events;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser (Debian's chromium, headless) against the real app on Kestrel and Azurite: the key
/// is typed in, every chart is drawn from the seeded counters, and the browser reports no error. Screenshots go to
/// TestResults/ at the repository root, beside the test logs.
/// </summary>
public sealed class DashboardBrowserTests(AzuriteFixture azurite) : LoopbackBrowserTest(azurite), IClassFixture<AzuriteFixture>
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly string Screenshots = Path.Combine(RepositoryRoot.Path, "TestResults");

    [Fact]
    public async Task Dashboard_draws_every_chart_from_the_counters_without_browser_errors()
    {
        var owner = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(owner);
        var today = OwnerCalendar.LocalDate(DateTimeOffset.UtcNow, London);
        await MetricsHistory.RecordAsync(App, owner, today.AddDays(-20));

        var page = await OpenDashboardAsync(key);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("dashboard.png"), FullPage = true });

        Assert.Equal(["0.25", "0.5", "1", "1"], (await ValuesAsync(page, "followup")).Order(StringComparer.Ordinal));
        Assert.Equal("0.05", await page.Locator("[data-chart=followup] line.baseline").GetAttributeAsync("data-baseline"));
        Assert.Equal(["0", "1"], await ValuesAsync(page, "step"));
        Assert.Equal(["0", "0", "1"], await ValuesAsync(page, "template"));
        Assert.Equal(["5", "4", "2"], await ValuesAsync(page, "funnel"));
        Assert.Equal(["follow-up", "thank-you"], await LabelsAsync(page, "step"));
        Assert.Equal(4, await page.Locator("figure.chart details table").CountAsync());
        Assert.Equal(4, await page.Locator("figure.chart line.baseline, [data-chart=funnel] svg").CountAsync());
        Assert.Empty(await UnlabelledControlsAsync(page));
        Assert.Empty(await ChartsWithoutTextAsync(page));
        Assert.Equal("sessionStorage", await page.EvaluateAsync<string>(
            "() => sessionStorage.getItem('outreach.apiKey') && !localStorage.length ? 'sessionStorage' : 'elsewhere'"));
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task The_weekly_chart_keeps_weeks_without_meetings_on_its_time_axis_and_breaks_its_line_there()
    {
        var owner = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(owner);
        var today = OwnerCalendar.LocalDate(DateTimeOffset.UtcNow, London);
        // Meetings 8 and 7 weeks (and two days) ago (the history meets c5 a week after the others), then nobody until 9 days
        // ago, six weeks after c5. A meeting counts towards "within 7 days" once its 7 days are over on the metrics' day,
        // which is today in the zone furthest behind (UTC-12): 9 days ago is over by then at any hour, 8 days ago is not
        // in the first hours of a UTC day.
        await MetricsHistory.RecordAsync(App, owner, today.AddDays(-58));
        var recorder = App.Factory.Services.GetRequiredService<MetricsRecorder>();
        await recorder.RecordAsync(new ContactMet(owner, "late", new MeetingContext(today.AddDays(-9))), London, CancellationToken.None);

        var page = await OpenDashboardAsync(key);
        var xs = await page.EvalOnSelectorAllAsync<double[]>("[data-chart=followup] svg circle.point-7d", "m => m.map(x => Number(x.getAttribute('cx')))");
        var lines = await page.Locator("[data-chart=followup] svg polyline.series-7d").CountAsync();
        var weeks = await page.Locator("[data-chart=followup] table tbody tr").CountAsync();

        Assert.Equal(3, xs.Length);
        Assert.True(xs[2] - xs[1] > 5 * (xs[1] - xs[0]), $"points at {string.Join(", ", xs)}: six empty weeks drawn as narrow as none");
        Assert.Equal(1, lines); // the two weeks in a row are joined; the week after the gap stands alone
        Assert.InRange(weeks, 12, 13); // every week of the default twelve-week range, empty ones included
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task Rates_from_a_handful_of_contacts_say_too_few_to_tell_beside_their_lift_and_show_their_counts()
    {
        var owner = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(owner);
        var today = OwnerCalendar.LocalDate(DateTimeOffset.UtcNow, London);
        await MetricsHistory.RecordAsync(App, owner, today.AddDays(-20));

        var page = await OpenDashboardAsync(key);
        var steps = await RowsAsync(page, "step");
        var weeks = (await RowsAsync(page, "followup")).Where(r => r[1] != "0").ToArray();

        // follow-up: 0 replies in 2 sends ("0 %", "0.00×"); thank-you: 2 in 2, which would happen 1 time in 400 at 5 %.
        Assert.Equal(["follow-up", "Too few to tell"], [steps[0][0], steps[0][6]]);
        Assert.Equal(["thank-you", "Above 5 %"], [steps[1][0], steps[1][6]]);
        Assert.Equal(["4", "25.0 % (1 of 4)", "50.0 % (2 of 4)", "Above 5 %"], weeks[0][1..]);
        Assert.Equal(["1", "100.0 % (1 of 1)", "100.0 % (1 of 1)", "Too few to tell"], weeks[1][1..]);
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task A_range_the_server_refuses_clears_the_charts_of_the_last_range_and_marks_the_date_it_names()
    {
        var owner = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(owner);
        var today = OwnerCalendar.LocalDate(DateTimeOffset.UtcNow, London);
        await MetricsHistory.RecordAsync(App, owner, today.AddDays(-20));
        var page = await OpenDashboardAsync(key);
        Assert.Equal(4, await page.Locator("figure.chart svg").CountAsync());

        await page.FillAsync("#range-from", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#range-to", today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#range-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('rates-status').classList.contains('error')");

        Assert.Equal(0, await page.Locator("figure.chart svg").CountAsync()); // nothing of the last range under the refusal
        Assert.Equal(4, await page.Locator("figure.chart p.note", new() { HasText = "could not be loaded" }).CountAsync());
        Assert.Contains("'from' must not be after 'to'", await page.TextContentAsync("#rates-status"), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("#range-from", "aria-invalid"));
        Assert.Equal("range-from", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Null(await page.GetAttributeAsync("#rates", "aria-busy"));
    }

    [Fact]
    public async Task Upload_shows_the_import_report_with_its_rejected_rows()
    {
        var key = await App.CreateAccountWithKeyAsync(ApiApp.NewId("owner"));
        var page = await OpenDashboardAsync(key);

        await page.SetInputFilesAsync("#upload-file", Path.Combine(RepositoryRoot.Path, "samples", "bad", "class-visit-bad-rows.csv"));
        await page.FillAsync("#upload-event", "Class visit");
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('upload-status').textContent === 'Import finished.'");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("dashboard-upload.png"), FullPage = true });

        // samples/README.md documents 8 rejected rows in this file.
        Assert.Equal(100, await page.EvalOnSelectorAsync<int>("#upload-progress", "p => p.value"));
        var lines = await page.Locator("#upload-report table.report-rejected tbody tr td:first-child").AllTextContentsAsync();
        Assert.Equal(["2", "3", "4", "5", "6", "7", "10", "11"], lines);

        // The button downloads every rejected row as a CSV to fix: the file's header with the error column in front.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-rejected"));
        using (var reader = new StreamReader(await download.CreateReadStreamAsync()))
        {
            var csv = (await reader.ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("rejected-rows-", download.SuggestedFilename, StringComparison.Ordinal);
            Assert.StartsWith("Import error,First name,Last name,Email,", csv[0], StringComparison.Ordinal);
            Assert.Equal(9, csv.Length);
        }

        // And every row's outcome: 2 accepted, 8 rejected.
        download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-rows"));
        using (var reader = new StreamReader(await download.CreateReadStreamAsync()))
        {
            var csv = (await reader.ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("rows-", download.SuggestedFilename, StringComparison.Ordinal);
            Assert.Equal(Core.Imports.ImportRowsCsv.Header, csv[0]);
            Assert.Equal([("accepted", 2), ("rejected", 8)], csv.Skip(1).GroupBy(r => r.Split(',')[1]).Select(g => (g.Key, g.Count())).Order());
        }

        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task The_report_says_what_the_counts_do_not_such_as_a_file_with_a_header_and_no_rows()
    {
        var key = await App.CreateAccountWithKeyAsync(ApiApp.NewId("owner"));
        var page = await OpenDashboardAsync(key);

        await page.SetInputFilesAsync("#upload-file", new FilePayload { Name = "empty.csv", MimeType = "text/csv", Buffer = "First name,Last name,Email\n"u8.ToArray() });
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('upload-status').textContent === 'Import finished.'");

        Assert.Equal("The file has a header but no rows to import.", await page.Locator("#upload-report .report-message").TextContentAsync());
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task Check_without_importing_shows_the_report_and_imports_nothing()
    {
        var key = await App.CreateAccountWithKeyAsync(ApiApp.NewId("owner"));
        var page = await OpenDashboardAsync(key);

        await page.SetInputFilesAsync("#upload-file", Path.Combine(RepositoryRoot.Path, "samples", "bad", "class-visit-bad-rows.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check without importing" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('upload-status').textContent === 'Checked: nothing was imported.'");

        Assert.StartsWith("Check of class-visit-bad-rows.csv", await page.Locator("#upload-report h3").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(["2", "3", "4", "5", "6", "7", "10", "11"], await page.Locator("#upload-report table.report-rejected tbody tr td:first-child").AllTextContentsAsync());
        Assert.Equal(0, await page.Locator("#download-rejected, #download-rows").CountAsync()); // nothing is stored to download from
        Assert.Equal("No file uploaded yet.", (await page.Locator("#imports-body").TextContentAsync())?.Trim());
        using var client = App.Client(key);
        Assert.Empty(await Imports.ImportFiles.ContactsAsync(client));
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task Recent_imports_show_the_newest_ten_and_the_rest_on_request()
    {
        var key = await App.CreateAccountWithKeyAsync(ApiApp.NewId("owner"));
        using (var client = App.Client(key))
        {
            for (var i = 1; i <= 12; i++)
            {
                using var imported = await Imports.ImportFiles.PostCsvAsync(client, Encoding.UTF8.GetBytes($"Name,Email\nPerson {i},person{i}@example.org\n"));
                Assert.Equal(System.Net.HttpStatusCode.OK, imported.StatusCode);
            }
        }

        var page = await OpenDashboardAsync(key);
        await page.WaitForSelectorAsync("#imports-body tbody tr");
        var shown = await page.Locator("#imports-body tbody tr").CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show all 12 uploads" }).ClickAsync();

        Assert.Equal(10, shown);
        Assert.Equal(12, await page.Locator("#imports-body tbody tr").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Show all 12 uploads" }).CountAsync());
        Assert.Equal("Show report: upload.csv", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')"));
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task Queue_and_LinkedIn_sections_list_the_imported_contacts_tasks_and_show_a_draft_to_copy()
    {
        var key = await App.CreateAccountWithKeyAsync(ApiApp.NewId("owner"));
        using (var client = App.Client(key))
        {
            using var sender = await client.PutAsJsonAsync("/api/sender", new { firstName = "Sam", lastName = "Student", email = "sam@students.example", timeZone = "Europe/London" });
            sender.EnsureSuccessStatusCode();
            using var csv = new StringContent(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "samples", "class-visit.csv")), Encoding.UTF8, "text/csv");
            using var imported = await client.PostAsync(new Uri("/api/imports?campaign=class-visit-follow-up", UriKind.Relative), csv);
            imported.EnsureSuccessStatusCode();
        }

        var page = await OpenDashboardAsync(key);
        await page.WaitForSelectorAsync("#queue-body li");
        await page.WaitForSelectorAsync("#linkedin-body li");
        var linkedIn = page.Locator("#linkedin-body li");
        await linkedIn.Filter(new LocatorFilterOptions { HasText = "Sofía Hernández" }).First.GetByRole(AriaRole.Button, new() { Name = "Show draft" }).ClickAsync();
        var draft = await page.Locator("#linkedin-body textarea.draft").InputValueAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("dashboard-queue.png"), FullPage = true });

        // 17 contacts with an email and 2 without (LinkedIn), three steps each: 51 + 6 open tasks; the queue shows 25.
        Assert.Equal(25, await page.Locator("#queue-body li").CountAsync());
        Assert.Equal(6, await linkedIn.CountAsync());
        Assert.Equal(["Jonas Berg", "Sofía Hernández"], (await page.Locator("#linkedin-body li strong").AllTextContentsAsync()).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains("Sofía", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", draft, StringComparison.Ordinal);
        AssertNoBrowserErrors();
    }

    private static Task<string[]> ValuesAsync(IPage page, string chart) =>
        page.EvalOnSelectorAllAsync<string[]>($"[data-chart={chart}] svg [data-value]", "marks => marks.map(m => m.getAttribute('data-value'))");

    private static Task<string[][]> RowsAsync(IPage page, string chart) =>
        page.EvalOnSelectorAllAsync<string[][]>($"[data-chart={chart}] table tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))");

    private static Task<string[]> LabelsAsync(IPage page, string chart) =>
        page.EvalOnSelectorAllAsync<string[]>($"[data-chart={chart}] svg [data-label]", "marks => marks.map(m => m.getAttribute('data-label'))");

    private static Task<string[]> UnlabelledControlsAsync(IPage page) =>
        page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input, select, textarea, progress')].filter(c => !c.labels.length && !c.getAttribute('aria-label')).map(c => c.id || c.outerHTML)");

    private static Task<string[]> ChartsWithoutTextAsync(IPage page) =>
        page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('figure.chart svg')].filter(s => s.getAttribute('role') !== 'img' || !s.getAttribute('aria-labelledby').split(' ').every(id => document.getElementById(id)?.textContent.trim())).map(s => s.closest('figure').id)");

    private static string ScreenshotPath(string file)
    {
        Directory.CreateDirectory(Screenshots);
        return Path.Combine(Screenshots, file);
    }
}
