using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Outreach.Core.Accounts;
using Outreach.Core.Analytics.Counters;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Dashboard;

/// <summary>
/// The coach view's cohorts in a real browser against the real app and Azurite: the client table shows each client's
/// cohort, the coach files a client from the page and sees the cohort table follow, the cohort picker narrows the
/// charts the way the client picker does (the two exclusive), and a name the server refuses is marked with its reason.
/// </summary>
public sealed class CoachCohortBrowserTests(AzuriteFixture azurite) : LoopbackBrowserTest(azurite), IClassFixture<AzuriteFixture>
{
    private const string Spring = "Spring 2027 MBA";
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public async Task The_coach_sees_each_clients_cohort_files_a_client_and_sees_the_cohort_table_follow()
    {
        var (page, ada, bo, cy, dee) = await CoachWithClientsAsync();

        // Every client is listed, dee too, who has no figures yet: a coach files people, not rows of figures.
        Assert.Equal(
            [[$"Ada ({ada})", Spring, "5"], ["Bo", "none", "5"], ["Cy", "none", "5"], [$"Ada ({dee})", "none", "0"]],
            (await RowsAsync(page, "coach-clients")).Select(r => r[..3]));
        Assert.Equal(
            ["All my clients (coach view)", $"Ada ({ada})", "Bo", "Cy", $"Ada ({dee})"],
            await page.EvalOnSelectorAllAsync<string[]>("#client-select option", "o => o.map(x => x.textContent)"));
        Assert.Equal([$"Ada ({ada})", "Bo", "Cy", $"Ada ({dee})"], await page.EvalOnSelectorAllAsync<string[]>("#cohort-client option", "o => o.map(x => x.textContent)"));
        Assert.Equal([[Spring, "1", "5", "60.0 %", "4"], ["No cohort", "3", "10", "60.0 %", "8"]], (await RowsAsync(page, "coach-cohorts")).Select(r => r[..5]));
        Assert.Equal([Spring], await page.EvalOnSelectorAllAsync<string[]>("#cohort-names option", "o => o.map(x => x.value)"));

        await page.SelectOptionAsync("#cohort-client", bo);
        Assert.Equal(string.Empty, await page.InputValueAsync("#cohort-name")); // bo is in no cohort yet
        await page.SelectOptionAsync("#cohort-client", ada);
        Assert.Equal(Spring, await page.InputValueAsync("#cohort-name")); // the field shows what ada is filed under
        await page.SelectOptionAsync("#cohort-client", bo);
        await page.FillAsync("#cohort-name", "  Spring   2027 MBA ");
        await page.ClickAsync("#cohort-form button[type=submit]");
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('table.coach-cohorts tbody tr')].some(r => r.cells[0].textContent === 'Spring 2027 MBA' && r.cells[1].textContent === '2')");

        Assert.Equal($"Saved: Bo is filed under {Spring}.", await page.TextContentAsync("#cohort-status"));
        Assert.Equal([[Spring, "2", "10", "60.0 %", "8"], ["No cohort", "2", "5", "60.0 %", "4"]], (await RowsAsync(page, "coach-cohorts")).Select(r => r[..5]));
        Assert.Equal(Spring, (await RowsAsync(page, "coach-clients")).Single(r => r[0] == "Bo")[1]);
        Assert.Equal(Spring, await FiledUnderAsync(bo));
        await page.Locator("#coach").ScreenshotAsync(new LocatorScreenshotOptions { Path = ScreenshotPath("dashboard-coach.png") });

        // Taken out again with an empty name.
        await page.FillAsync("#cohort-name", string.Empty);
        await page.ClickAsync("#cohort-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('cohort-status').textContent === 'Saved: Bo is in no cohort now.'");
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('table.coach-cohorts tbody tr')].some(r => r.cells[0].textContent === 'No cohort' && r.cells[1].textContent === '3')");
        Assert.Null(await FiledUnderAsync(bo));
        Assert.Empty(await UnlabelledControlsAsync(page));
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task The_cohort_picker_narrows_every_chart_to_the_cohort_and_the_client_picker_and_it_exclude_each_other()
    {
        var (page, ada, _, _, _) = await CoachWithClientsAsync();
        Assert.Equal(["15", "12", "6"], await FunnelAsync(page)); // ada, bo and cy
        Assert.False(await page.IsHiddenAsync("#cohort-select"));

        await page.SelectOptionAsync("#cohort-select", Spring);
        await WaitForFunnelAsync(page, "5");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('table.coach-clients tbody tr').length === 1");

        Assert.Equal(["5", "4", "2"], await FunnelAsync(page));
        Assert.Equal(["4", "1", "2", "2"], await ValuesAsync(page, "followup", "step")); // every chart reads the cohort
        Assert.Equal([$"Ada ({ada})"], (await RowsAsync(page, "coach-clients")).Select(r => r[0]));
        Assert.StartsWith($"Clients in {Spring},", await page.TextContentAsync("table.coach-clients caption"), StringComparison.Ordinal);
        Assert.Equal(2, (await RowsAsync(page, "coach-cohorts")).Length); // the cohorts stay side by side

        // Choosing a client clears the cohort; choosing a cohort again acts for nobody but the coach.
        await page.SelectOptionAsync("#client-select", ada);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('table.coach-clients tbody tr').length === 4");
        Assert.Equal(string.Empty, await page.InputValueAsync("#cohort-select"));
        await WaitForFunnelAsync(page, "5");
        await page.SelectOptionAsync("#client-select", string.Empty);
        await WaitForFunnelAsync(page, "15");
        await page.SelectOptionAsync("#client-select", ada);
        await WaitForFunnelAsync(page, "5");
        await page.SelectOptionAsync("#cohort-select", string.Empty);
        await WaitForFunnelAsync(page, "15");
        Assert.Equal(string.Empty, await page.InputValueAsync("#client-select"));
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task A_late_answer_for_a_cohort_the_coach_has_left_never_replaces_the_view_they_came_back_to()
    {
        var (page, _, _, _, _) = await CoachWithClientsAsync();
        // The real answers for the cohort, held back as a slow network would.
        await page.RouteAsync(url => new Uri(url).Query.Contains("cohort=Spring", StringComparison.Ordinal), async route =>
        {
            await Task.Delay(2_000);
            await route.ContinueAsync();
        });

        await page.SelectOptionAsync("#cohort-select", Spring);
        await page.SelectOptionAsync("#cohort-select", string.Empty);
        await page.WaitForFunctionAsync("() => document.getElementById('rates-status').textContent.startsWith('Showing')");
        await Task.Delay(3_500); // the cohort's answers arrive meanwhile

        Assert.Equal(["15", "12", "6"], await FunnelAsync(page));
        Assert.Equal(4, (await RowsAsync(page, "coach-clients")).Length);
        Assert.Null(await page.GetAttributeAsync("#rates", "aria-busy"));
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task A_client_who_shares_no_figures_is_listed_as_not_shared_instead_of_as_having_met_nobody()
    {
        var coachId = ApiApp.NewId("coach");
        var key = await App.CreateAccountWithKeyAsync(coachId, AccountKind.Coach);
        var today = OwnerCalendar.LocalDate(DateTimeOffset.UtcNow, London);
        var (reads, writes) = (ApiApp.NewId("a-reads"), ApiApp.NewId("b-writes"));
        foreach (var (clientId, scope) in new[] { (reads, "read"), (writes, "write") })
        {
            using var client = App.Client(await App.CreateAccountWithKeyAsync(clientId));
            await Campaigns.CampaignsApp.GrantConsentAsync(client, coachId, scope);
            await MetricsHistory.RecordAsync(App, clientId, today.AddDays(-20));
        }

        using (var coach = App.Client(key))
        {
            using var filed = await coach.PutAsJsonAsync($"/api/coach/clients/{writes}/cohort", new { cohort = Spring });
            filed.EnsureSuccessStatusCode();
        }

        var page = await OpenDashboardAsync(key);
        await page.WaitForSelectorAsync("table.coach-cohorts");

        // Both accounts are named "Test Owner": each shows its id after the name, so the two rows read differently.
        Assert.Equal(
            [[$"Test Owner ({reads})", "none", "5"], [$"Test Owner ({writes})", Spring, "not shared"]],
            (await RowsAsync(page, "coach-clients")).Select(r => r[..3]));
        Assert.Equal([["No cohort", "1", "5"]], (await RowsAsync(page, "coach-cohorts")).Select(r => r[..3]));
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task A_name_the_server_refuses_is_marked_with_its_reason_and_the_filing_stays_as_it_was()
    {
        var (page, ada, _, _, _) = await CoachWithClientsAsync();

        await page.SelectOptionAsync("#cohort-client", ada);
        await page.FillAsync("#cohort-name", new string('x', CohortName.MaxLength + 1));
        await page.ClickAsync("#cohort-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('cohort-status').classList.contains('error')");

        Assert.Contains($"at most {CohortName.MaxLength} characters", await page.TextContentAsync("#cohort-status"), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("#cohort-name", "aria-invalid"));
        Assert.Contains("cohort-status", await page.GetAttributeAsync("#cohort-name", "aria-describedby") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("cohort-name", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal(Spring, await FiledUnderAsync(ada));
        Assert.Equal(Spring, (await RowsAsync(page, "coach-clients")).Single(r => r[0] == $"Ada ({ada})")[1]);

        // A good name afterwards clears the mark.
        await page.FillAsync("#cohort-name", "Evening MBA");
        await page.ClickAsync("#cohort-form button[type=submit]");
        await page.WaitForFunctionAsync("() => !document.getElementById('cohort-status').classList.contains('error') && document.getElementById('cohort-status').textContent.startsWith('Saved')");
        Assert.Null(await page.GetAttributeAsync("#cohort-name", "aria-invalid"));
        Assert.Equal("Evening MBA", await FiledUnderAsync(ada));
    }

    [Fact]
    public async Task The_coach_tables_follow_the_range_the_coach_chooses_like_the_charts_beside_them()
    {
        var (page, ada, _, _, _) = await CoachWithClientsAsync();
        var today = OwnerCalendar.LocalDate(DateTimeOffset.UtcNow, London);

        await page.FillAsync("#range-from", today.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.FillAsync("#range-to", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.ClickAsync("#range-form button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('rates-status').textContent.startsWith('Showing')");
        await page.WaitForFunctionAsync(
            "from => document.querySelector('table.coach-clients caption')?.textContent.includes(from)", today.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        Assert.Equal("0", (await RowsAsync(page, "coach-clients")).Single(r => r[0] == $"Ada ({ada})")[2]); // nobody was met in those days
        Assert.All(await RowsAsync(page, "coach-cohorts"), r => Assert.Equal("0", r[2]));
        AssertNoBrowserErrors();
    }

    private string _coachKey = string.Empty;

    /// <summary>
    /// A coach with four consenting clients: ada, bo and cy each with the five-contact history 20 days ago (dee has no
    /// figures), ada filed under <see cref="Spring"/>; the dashboard open as the coach.
    /// </summary>
    private async Task<(IPage Page, string Ada, string Bo, string Cy, string Dee)> CoachWithClientsAsync()
    {
        var coachId = ApiApp.NewId("coach");
        _coachKey = await App.CreateAccountWithKeyAsync(coachId, AccountKind.Coach);
        var today = OwnerCalendar.LocalDate(DateTimeOffset.UtcNow, London);
        var ids = new[] { ApiApp.NewId("a-ada"), ApiApp.NewId("b-bo"), ApiApp.NewId("c-cy"), ApiApp.NewId("d-dee") };
        foreach (var clientId in ids)
        {
            // Clients are shown by their accounts' names: ada, bo and cy by their own, dee sharing ada's (so both show ids).
            var name = clientId == ids[3] ? NameOf(ids[0]) : NameOf(clientId);
            await App.Accounts.CreateAccountAsync(clientId, AccountKind.Owner, name, "Europe/London", CancellationToken.None);
            using var client = App.Client(await App.CreateAccountWithKeyAsync(clientId));
            await Campaigns.CampaignsApp.GrantConsentAsync(client, coachId, "read");
            if (clientId != ids[3])
            {
                await MetricsHistory.RecordAsync(App, clientId, today.AddDays(-20));
            }
        }

        using (var coach = App.Client(_coachKey))
        {
            using var filed = await coach.PutAsJsonAsync($"/api/coach/clients/{ids[0]}/cohort", new { cohort = Spring });
            filed.EnsureSuccessStatusCode();
        }

        var page = await OpenDashboardAsync(_coachKey);
        await page.WaitForSelectorAsync("table.coach-cohorts");
        return (page, ids[0], ids[1], ids[2], ids[3]);
    }

    /// <summary>The display name a test client's account gets: "Ada" for the id a-ada-….</summary>
    private static string NameOf(string clientId) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(clientId.Split('-')[1]);

    private static string ScreenshotPath(string file)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "TestResults");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, file);
    }

    private async Task<string?> FiledUnderAsync(string clientId)
    {
        using var coach = App.Client(_coachKey);
        var clients = await coach.GetFromJsonAsync<JsonElement>("/api/coach/clients");
        return clients.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == clientId).GetProperty("cohort").GetString();
    }

    private static Task<string[][]> RowsAsync(IPage page, string tableClass) =>
        page.EvalOnSelectorAllAsync<string[][]>($"table.{tableClass} tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))");

    private static Task<string[]> FunnelAsync(IPage page) =>
        page.EvalOnSelectorAllAsync<string[]>("[data-chart=funnel] svg [data-value]", "marks => marks.map(m => m.getAttribute('data-value'))");

    // The weekly chart's "met" column and the step chart's sends, read from their tables.
    private static async Task<string[]> ValuesAsync(IPage page, string weekly, string steps)
    {
        var weeks = await page.EvalOnSelectorAllAsync<string[]>($"[data-chart={weekly}] table tbody tr td:nth-child(2)", "cells => cells.map(c => c.textContent)");
        var sent = await page.EvalOnSelectorAllAsync<string[]>($"[data-chart={steps}] table tbody tr td:nth-child(2)", "cells => cells.map(c => c.textContent)");
        return [.. weeks.Where(w => w != "0"), .. sent];
    }

    private static Task<IJSHandle> WaitForFunnelAsync(IPage page, string met) =>
        page.WaitForFunctionAsync("met => document.querySelector('[data-chart=funnel] svg [data-value]')?.getAttribute('data-value') === met", met);

    private static Task<string[]> UnlabelledControlsAsync(IPage page) =>
        page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input, select, textarea, progress')].filter(c => !c.labels.length && !c.getAttribute('aria-label')).map(c => c.id || c.outerHTML)");
}
