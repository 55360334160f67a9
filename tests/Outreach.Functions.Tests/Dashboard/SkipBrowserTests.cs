using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Dashboard;

/// <summary>
/// Skip in the dashboard's queue and LinkedIn sections, in a real browser against the real app on Kestrel and Azurite:
/// it asks first, skips through <c>POST /api/tasks/{id}/skip</c>, shows the server's refusal and loads the lists again.
/// </summary>
public sealed class SkipBrowserTests(AzuriteFixture azurite) : LoopbackBrowserTest(azurite), IClassFixture<AzuriteFixture>
{
    // Two people with an email address (email steps) and one with only a LinkedIn profile (drafts sent by hand).
    private const string Csv = "First name,Last name,Email,LinkedIn URL,Event,Met on\n"
        + "Ada,Lovelace,ada@school.example,,Class visit,2026-01-12\n"
        + "Bo,Berg,bo@school.example,,Class visit,2026-01-12\n"
        + "Lin,Nakamura,,https://www.linkedin.com/in/lin-nakamura,Class visit,2026-01-12\n";

    [Fact]
    public async Task Skip_in_the_queue_asks_first_Keep_it_leaves_the_task_and_Yes_skip_takes_it_off_the_list()
    {
        var (ownerId, key) = await OwnerAsync();
        var thankYou = (await PlannedAsync(key))[("Ada Lovelace", "thank-you")];

        var page = await OpenDashboardAsync(key);
        var item = page.Locator($"#queue-body li[data-task='{thankYou}']");
        await item.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
        var question = await item.Locator(".confirm").TextContentAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        var afterKeep = (await Tasks.FindAsync(ownerId, thankYou, CancellationToken.None))!.State;
        var focusedAfterKeep = await page.EvaluateAsync<string>("() => document.activeElement.textContent");
        await item.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "Yes, skip" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#queue-body li').length === 8"); // loaded again, one fewer

        Assert.Equal(0, await item.CountAsync());
        Assert.Contains("Skip Ada Lovelace's thank-you? It will not be sent.", question, StringComparison.Ordinal);
        Assert.Equal(TaskState.Planned, afterKeep);
        Assert.Equal("Skip", focusedAfterKeep);
        var skipped = await Tasks.FindAsync(ownerId, thankYou, CancellationToken.None);
        Assert.Equal((TaskState.Skipped, SkipReasons.ByOwner), (skipped!.State, skipped.SkipReason));
        Assert.Equal("Skipped Ada Lovelace's thank-you.", await page.Locator("#queue-status").TextContentAsync());
        Assert.Equal("queue-status", await page.EvaluateAsync<string>("() => document.activeElement.id")); // not lost with the row
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task A_LinkedIn_draft_skipped_from_its_section_leaves_that_section_and_the_queue()
    {
        var (ownerId, key) = await OwnerAsync();
        var draft = (await PlannedAsync(key))[("Lin Nakamura", "thank-you")];

        var page = await OpenDashboardAsync(key);
        var inQueueBefore = await page.Locator($"#queue-body li[data-task='{draft}']").CountAsync();
        var item = page.Locator($"#linkedin-body li[data-task='{draft}']");
        await item.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "Yes, skip" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#linkedin-body li').length === 2 && document.querySelectorAll('#queue-body li').length === 8");

        Assert.Equal(1, inQueueBefore);
        var skipped = await Tasks.FindAsync(ownerId, draft, CancellationToken.None);
        Assert.Equal((TaskState.Skipped, SkipReasons.ByOwner), (skipped!.State, skipped.SkipReason));
        Assert.Equal("Skipped Lin Nakamura's thank-you.", await page.Locator("#linkedin-status").TextContentAsync());
        Assert.Equal(0, await page.Locator($"[data-task='{draft}']").CountAsync()); // in neither list
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task Skipping_a_task_that_went_mid_send_after_the_page_loaded_shows_the_refusal_and_loads_the_queue_again()
    {
        var (ownerId, key) = await OwnerAsync();
        var thankYou = (await PlannedAsync(key))[("Bo Berg", "thank-you")];

        var page = await OpenDashboardAsync(key);
        var item = page.Locator($"#queue-body li[data-task='{thankYou}']");
        await item.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
        var task = await Tasks.FindAsync(ownerId, thankYou, CancellationToken.None);
        Assert.NotNull(await Tasks.TryReplaceAsync(task!.MoveTo(TaskState.Queued).MoveTo(TaskState.Claimed) with { ClaimedUtc = DateTimeOffset.UtcNow }, CancellationToken.None));
        await item.GetByRole(AriaRole.Button, new() { Name = "Yes, skip" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('queue-status').textContent.startsWith('Not skipped')");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#queue-body li').length === 8"); // loaded again without it

        Assert.Equal(0, await item.CountAsync());
        var status = page.Locator("#queue-status");
        Assert.Contains("is claimed", await status.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("error", await status.GetAttributeAsync("class"), StringComparison.Ordinal);
        Assert.Equal(TaskState.Claimed, (await Tasks.FindAsync(ownerId, thankYou, CancellationToken.None))!.State);
        Assert.DoesNotContain(BrowserErrors, e => e.StartsWith("uncaught", StringComparison.Ordinal));
    }

    private ITaskStore Tasks => App.Factory.Services.GetRequiredService<ITaskStore>();

    /// <summary>An owner with a sender profile and the three contacts imported into the class-visit campaign.</summary>
    private async Task<(string OwnerId, string Key)> OwnerAsync()
    {
        var ownerId = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(ownerId);
        await ClassVisitContacts.ImportAsync(App, key, Csv);
        return (ownerId, key);
    }

    /// <summary>The owner's planned tasks (email and LinkedIn) by contact name and step.</summary>
    private async Task<Dictionary<(string Contact, string Step), string>> PlannedAsync(string key)
    {
        using var client = App.Client(key);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/tasks?state=planned");
        return list.GetProperty("tasks").EnumerateArray().ToDictionary(
            t => (t.GetProperty("contactName").GetString()!, t.GetProperty("stepId").GetString()!),
            t => t.GetProperty("id").GetString()!);
    }
}
