using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Dashboard;

/// <summary>
/// The dashboard's "Needs your attention" section in a real browser against the real app on Kestrel and Azurite: the
/// owner's failed and needs_review emails are listed with why, and its buttons call the task endpoints.
/// </summary>
public sealed class AttentionBrowserTests(AzuriteFixture azurite) : LoopbackBrowserTest(azurite), IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Failed_and_needs_review_emails_are_listed_with_why_and_Skip_takes_one_away()
    {
        var ownerId = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(ownerId);
        var thankYous = await EnrolledThankYousAsync(key);
        var failed = await MoveAsync(ownerId, thankYous["Ada Lovelace"], t => t.MoveTo(TaskState.Failed) with { FailureReason = "smtp-failed (535)" });
        var review = await MoveAsync(ownerId, thankYous["Bo Berg"], t => t.MoveTo(TaskState.NeedsReview) with { FailureReason = "unconfirmed-delivery" });

        var page = await OpenDashboardAsync(key);
        var items = page.Locator("#attention-body li");
        await items.First.WaitForAsync();
        var failedItem = items.Filter(new LocatorFilterOptions { HasText = "Ada Lovelace" });
        var reviewItem = items.Filter(new LocatorFilterOptions { HasText = "Bo Berg" });

        Assert.Equal(2, await items.CountAsync()); // Cy's thank-you is planned: it is in the queue, not here
        Assert.Contains("smtp-failed (535)", await failedItem.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Check your Sent folder", await reviewItem.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(["Send again", "Skip"], await failedItem.GetByRole(AriaRole.Button).AllTextContentsAsync());
        Assert.Equal(["Send again", "It was sent", "Skip"], await reviewItem.GetByRole(AriaRole.Button).AllTextContentsAsync());

        await failedItem.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
        await failedItem.GetByRole(AriaRole.Button, new() { Name = "Yes, skip" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#attention-body li').length === 1");

        Assert.Equal(review, await items.GetAttributeAsync("data-task"));
        var skipped = await Tasks.FindAsync(ownerId, failed, CancellationToken.None);
        Assert.Equal((TaskState.Skipped, SkipReasons.ByOwner), (skipped!.State, skipped.SkipReason));
        Assert.Equal("Skipped Ada Lovelace's thank-you.", await page.Locator("#attention-status").TextContentAsync());
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task It_was_sent_marks_a_needs_review_email_sent_and_Send_again_puts_one_back_in_the_queue()
    {
        var ownerId = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(ownerId);
        var thankYous = await EnrolledThankYousAsync(key);
        var sent = await MoveAsync(ownerId, thankYous["Ada Lovelace"], t => t.MoveTo(TaskState.NeedsReview) with { FailureReason = "stale-claim" });
        var again = await MoveAsync(ownerId, thankYous["Bo Berg"], t => t.MoveTo(TaskState.Failed) with { FailureReason = "smtp-failed (535)" });

        var page = await OpenDashboardAsync(key);
        var items = page.Locator("#attention-body li");
        await items.First.WaitForAsync();
        await items.Filter(new LocatorFilterOptions { HasText = "Ada Lovelace" }).GetByRole(AriaRole.Button, new() { Name = "It was sent" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#attention-body li').length === 1");
        await items.Filter(new LocatorFilterOptions { HasText = "Bo Berg" }).GetByRole(AriaRole.Button, new() { Name = "Send again" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('attention-body').textContent.includes('Nothing needs your attention.')");

        Assert.Equal(TaskState.Sent, (await Tasks.FindAsync(ownerId, sent, CancellationToken.None))!.State);
        Assert.Equal(TaskState.Queued, (await Tasks.FindAsync(ownerId, again, CancellationToken.None))!.State);
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task More_failed_emails_than_a_page_say_how_many_are_shown_of_how_many_and_Show_more_loads_the_rest()
    {
        var ownerId = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(ownerId);
        var due = new DateTimeOffset(2026, 1, 13, 9, 0, 0, TimeSpan.Zero);
        var ids = new List<string>();
        for (var i = 0; i < 53; i++)
        {
            var task = new OutreachTask
            {
                TaskId = TaskIds.ForCampaignStep(ownerId, "class-visit-follow-up", $"contact-{i:D2}", "thank-you"),
                OwnerId = ownerId,
                ContactId = $"contact-{i:D2}",
                CampaignId = "class-visit-follow-up",
                StepId = "thank-you",
                Template = Core.Messaging.Templates.TemplateKind.ThankYou,
                Channel = TaskChannel.Email,
                DueUtc = due.AddMinutes(i),
                State = TaskState.Failed,
                FailureReason = "smtp-failed (535)",
            };
            Assert.True(await Tasks.TryAddAsync(task, CancellationToken.None));
            ids.Add(task.TaskId);
        }

        var page = await OpenDashboardAsync(key);
        var items = page.Locator("#attention-body li");
        await items.First.WaitForAsync();
        var firstPage = await items.CountAsync();
        var countBefore = await page.Locator("#attention-count").TextContentAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show 3 more" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#attention-body li').length === 53");

        Assert.Equal(50, firstPage);
        Assert.Equal("Showing 50 of 53.", countBefore);
        Assert.Equal("Showing all 53.", await page.Locator("#attention-count").TextContentAsync());
        Assert.Equal(ids, await items.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.task)"));
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Show 3 more" }).CountAsync());
        Assert.Equal(ids[50], await page.EvaluateAsync<string>("() => document.activeElement.closest('li').dataset.task"));
        AssertNoBrowserErrors();
    }

    private ITaskStore Tasks => App.Factory.Services.GetRequiredService<ITaskStore>();

    /// <summary>The three class-visit contacts imported into the campaign (<see cref="ClassVisitContacts"/>); their thank-you email tasks by contact name.</summary>
    private async Task<Dictionary<string, string>> EnrolledThankYousAsync(string key) =>
        (await ClassVisitContacts.ImportAsync(App, key))
            .Where(t => t.GetProperty("stepId").GetString() == "thank-you")
            .ToDictionary(t => t.GetProperty("contactName").GetString()!, t => t.GetProperty("id").GetString()!, StringComparer.Ordinal);

    /// <summary>Moves a planned email task through queued and claimed (claimed now) and then as <paramref name="end"/> says.</summary>
    private async Task<string> MoveAsync(string ownerId, string taskId, Func<OutreachTask, OutreachTask> end)
    {
        var task = await Tasks.FindAsync(ownerId, taskId, CancellationToken.None);
        var claimed = task!.MoveTo(TaskState.Queued).MoveTo(TaskState.Claimed) with { ClaimedUtc = DateTimeOffset.UtcNow, MessageId = $"<{taskId}@school.example>" };
        Assert.NotNull(await Tasks.TryReplaceAsync(end(claimed), CancellationToken.None));
        return taskId;
    }
}
