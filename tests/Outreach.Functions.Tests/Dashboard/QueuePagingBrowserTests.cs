using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Dashboard;

/// <summary>
/// The dashboard's queue and LinkedIn lists in a real browser against the real app on Kestrel and Azurite, for an owner
/// with more open tasks than a page (a class visit or a LinkedIn export easily plans that many): each list says how many
/// of how many it shows, and "Show more" appends the rest in the list's order.
/// </summary>
public sealed class QueuePagingBrowserTests(AzuriteFixture azurite) : LoopbackBrowserTest(azurite), IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task More_open_tasks_than_a_page_say_how_many_are_shown_of_how_many_and_Show_more_loads_the_rest()
    {
        var ownerId = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(ownerId);
        var tasks = await TasksAsync();
        var byScore = new List<string>();
        var linkedIn = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            // Scores fall as i grows, so the queue's order (by score) is the order written; every third is a LinkedIn task.
            var channel = i % 3 == 0 ? TaskChannel.LinkedIn : TaskChannel.Email;
            var task = Planned(ownerId, i, channel, score: 0.9 - (i * 0.01));
            Assert.True(await tasks.TryAddAsync(task, CancellationToken.None));
            byScore.Add(task.TaskId);
            if (channel == TaskChannel.LinkedIn)
            {
                linkedIn.Add(task.TaskId);
            }
        }

        var page = await OpenDashboardAsync(key);
        var queued = page.Locator("#queue-body li");
        await queued.First.WaitForAsync();
        Assert.Equal(25, await queued.CountAsync());
        Assert.Equal("Showing 25 of 30.", await page.Locator("#queue-count").TextContentAsync());
        await page.Locator("#queue-body").GetByRole(AriaRole.Button, new() { Name = "Show 5 more" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#queue-body li').length === 30");

        Assert.Equal("Showing all 30.", await page.Locator("#queue-count").TextContentAsync());
        Assert.Equal(byScore, await queued.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.task)"));
        Assert.Equal(byScore[25], await page.EvaluateAsync<string>("() => document.activeElement.closest('li').dataset.task"));

        // Ten LinkedIn tasks fit one page: no count, no button.
        var drafts = page.Locator("#linkedin-body li");
        Assert.Equal(linkedIn, await drafts.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.task)"));
        Assert.Equal(0, await page.Locator("#linkedin-count").CountAsync());
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task A_task_scored_again_between_two_pages_is_shown_once()
    {
        var ownerId = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(ownerId);
        var tasks = await TasksAsync();
        var byScore = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var task = Planned(ownerId, i, TaskChannel.Email, score: 0.9 - (i * 0.01));
            Assert.True(await tasks.TryAddAsync(task, CancellationToken.None));
            byScore.Add(task.TaskId);
        }

        var page = await OpenDashboardAsync(key);
        var queued = page.Locator("#queue-body li");
        await queued.First.WaitForAsync();
        // The dispatcher scores the first task again, lower: by score it now sorts after the first page's last task.
        var first = await tasks.FindAsync(ownerId, byScore[0], CancellationToken.None);
        Assert.NotNull(await tasks.TryReplaceAsync(first! with { Score = 0.605 }, CancellationToken.None));
        await page.Locator("#queue-body").GetByRole(AriaRole.Button, new() { Name = "Show 5 more" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('queue-count').textContent === 'Showing all 30.'");

        Assert.Equal(byScore, await queued.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.task)"));
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task More_LinkedIn_tasks_than_a_page_say_so_and_Show_more_loads_the_rest()
    {
        var ownerId = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(ownerId);
        var tasks = await TasksAsync();
        for (var i = 0; i < 27; i++)
        {
            Assert.True(await tasks.TryAddAsync(Planned(ownerId, i, TaskChannel.LinkedIn, score: null), CancellationToken.None));
        }

        var page = await OpenDashboardAsync(key);
        var drafts = page.Locator("#linkedin-body li");
        await drafts.First.WaitForAsync();
        Assert.Equal("Showing 25 of 27.", await page.Locator("#linkedin-count").TextContentAsync());
        await page.Locator("#linkedin-body").GetByRole(AriaRole.Button, new() { Name = "Show 2 more" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#linkedin-body li').length === 27");

        Assert.Equal("Showing all 27.", await page.Locator("#linkedin-count").TextContentAsync());
        Assert.Equal(0, await page.Locator("#linkedin-body").GetByRole(AriaRole.Button, new() { Name = "Show 2 more" }).CountAsync());
        AssertNoBrowserErrors();
    }

    /// <summary>The task store, its tables created (the app creates them on first use; these tests write before any request).</summary>
    private async Task<ITaskStore> TasksAsync()
    {
        await App.Factory.Services.GetRequiredService<DispatchStorage>().EnsureCreatedAsync(CancellationToken.None);
        return App.Factory.Services.GetRequiredService<ITaskStore>();
    }

    private static OutreachTask Planned(string ownerId, int i, TaskChannel channel, double? score) => new()
    {
        TaskId = TaskIds.ForCampaignStep(ownerId, "class-visit-follow-up", $"contact-{i:D2}", "thank-you"),
        OwnerId = ownerId,
        ContactId = $"contact-{i:D2}",
        CampaignId = "class-visit-follow-up",
        StepId = "thank-you",
        Template = TemplateKind.ThankYou,
        Channel = channel,
        DueUtc = new DateTimeOffset(2026, 1, 13, 9, 0, 0, TimeSpan.Zero).AddMinutes(i),
        Score = score,
    };
}
