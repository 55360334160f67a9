using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Storage.Queues;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Campaigns;

public sealed class TasksApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly CampaignsApp _app = CampaignsApp.Start(azurite);

    [Fact]
    public async Task Tasks_filter_by_state_channel_and_due_window_in_due_order()
    {
        var (ownerId, owner, email, linkedIn) = await EnrolledOwnerAsync();
        var thankYou = await _app.Stores.Tasks.FindAsync(ownerId, TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, email, "thank-you"), CancellationToken.None);

        using var planned = await owner.GetAsync(new Uri("/api/tasks?state=planned,queued&channel=email", UriKind.Relative));
        using var window = await owner.GetAsync(new Uri($"/api/tasks?dueFrom={Uri.EscapeDataString(thankYou!.DueUtc.ToString("o"))}&dueTo={Uri.EscapeDataString(thankYou.DueUtc.AddDays(1).ToString("o"))}", UriKind.Relative));
        using var linkedInOnly = await owner.GetAsync(new Uri("/api/tasks?channel=linkedin&take=2", UriKind.Relative));
        using var none = await owner.GetAsync(new Uri("/api/tasks?state=sent", UriKind.Relative));

        var emailTasks = (await CampaignsApp.JsonAsync(planned)).GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(["thank-you", "follow-up", "stay-in-touch"], emailTasks.Select(t => t.GetProperty("stepId").GetString()));
        Assert.All(emailTasks, t => Assert.Equal((email, "Ada Contact", "planned", 0.05), (t.GetProperty("contactId").GetString(), t.GetProperty("contactName").GetString(), t.GetProperty("state").GetString(), t.GetProperty("score").GetDouble())));
        Assert.Equal(2, (await CampaignsApp.JsonAsync(window)).GetProperty("tasks").GetArrayLength()); // both thank-yous, same morning
        var drafts = (await CampaignsApp.JsonAsync(linkedInOnly)).GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(2, drafts.Count);
        Assert.All(drafts, t => Assert.Equal(linkedIn, t.GetProperty("contactId").GetString()));
        Assert.Equal(0, (await CampaignsApp.JsonAsync(none)).GetProperty("tasks").GetArrayLength());
    }

    [Fact]
    public async Task Order_by_score_puts_the_highest_predicted_reply_first_with_its_explanation()
    {
        var (ownerId, owner, email, _) = await EnrolledOwnerAsync();
        var stay = await _app.Stores.Tasks.FindAsync(ownerId, TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, email, "stay-in-touch"), CancellationToken.None);
        await _app.Stores.Tasks.TryReplaceAsync(stay! with { Score = 0.31, ScoreExplanation = "met in person recently" }, CancellationToken.None);

        using var response = await owner.GetAsync(new Uri("/api/tasks?order=score", UriKind.Relative));

        var first = (await CampaignsApp.JsonAsync(response)).GetProperty("tasks")[0];
        Assert.Equal(stay.TaskId, first.GetProperty("id").GetString());
        Assert.Equal(0.31, first.GetProperty("score").GetDouble());
        Assert.Equal("met in person recently", first.GetProperty("scoreExplanation").GetString());
    }

    [Fact]
    public async Task Pages_of_the_list_hand_out_every_task_once_with_the_total_and_a_task_skipped_between_pages_moves_none()
    {
        var (ownerId, owner, _, _) = await EnrolledOwnerAsync();
        var all = (await CampaignsApp.JsonAsync(await owner.GetAsync(new Uri("/api/tasks?state=planned", UriKind.Relative)))).GetProperty("tasks")
            .EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();

        var first = await CampaignsApp.JsonAsync(await owner.GetAsync(new Uri("/api/tasks?state=planned&take=2", UriKind.Relative)));
        var firstIds = first.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();
        var firstSkipped = await _app.Stores.Tasks.FindAsync(ownerId, firstIds[0], CancellationToken.None);
        Assert.NotNull(await _app.Stores.Tasks.TryReplaceAsync(firstSkipped!.MoveTo(TaskState.Skipped, SkipReasons.ByOwner), CancellationToken.None));
        var pages = new List<JsonElement> { first };
        while (pages[^1].GetProperty("continuation").GetString() is { } token && pages.Count < 10) // a token that pages nowhere fails, not hangs
        {
            pages.Add(await CampaignsApp.JsonAsync(await owner.GetAsync(new Uri($"/api/tasks?state=planned&take=2&continuation={Uri.EscapeDataString(token)}", UriKind.Relative))));
        }

        Assert.Equal(6, all.Count);
        Assert.Equal(6, first.GetProperty("total").GetInt32());
        Assert.Equal(5, pages[^1].GetProperty("total").GetInt32()); // the skipped one no longer matches
        Assert.Equal([2, 2, 2], pages.Select(p => p.GetProperty("tasks").GetArrayLength()));
        Assert.Equal(all, pages.SelectMany(p => p.GetProperty("tasks").EnumerateArray()).Select(t => t.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Pages_by_score_follow_the_score_order_across_pages()
    {
        var (ownerId, owner, email, _) = await EnrolledOwnerAsync();
        var stay = await _app.Stores.Tasks.FindAsync(ownerId, TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, email, "stay-in-touch"), CancellationToken.None);
        await _app.Stores.Tasks.TryReplaceAsync(stay! with { Score = 0.31 }, CancellationToken.None);
        var all = (await CampaignsApp.JsonAsync(await owner.GetAsync(new Uri("/api/tasks?order=score", UriKind.Relative)))).GetProperty("tasks")
            .EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();

        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await CampaignsApp.JsonAsync(await owner.GetAsync(new Uri($"/api/tasks?order=score&take=4&continuation={Uri.EscapeDataString(token ?? "")}", UriKind.Relative)));
            ids.AddRange(page.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()!));
            token = page.GetProperty("continuation").GetString();
        }
        while (token is not null && ids.Count < 60);

        Assert.Equal(stay.TaskId, all[0]);
        Assert.Equal(all, ids);
    }

    [Theory]
    [InlineData("continuation=not-a-token")]
    [InlineData("continuation=e30")] // {}
    public async Task A_continuation_not_handed_out_is_refused_naming_it(string query)
    {
        var (_, owner, _, _) = await EnrolledOwnerAsync();
        var byDue = (await CampaignsApp.JsonAsync(await owner.GetAsync(new Uri("/api/tasks?take=1", UriKind.Relative)))).GetProperty("continuation").GetString()!;

        using var bad = await owner.GetAsync(new Uri("/api/tasks?" + query, UriKind.Relative));
        using var otherOrder = await owner.GetAsync(new Uri($"/api/tasks?order=score&continuation={Uri.EscapeDataString(byDue)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("continuation", (await CampaignsApp.JsonAsync(bad)).GetProperty("target").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, otherOrder.StatusCode);
        Assert.Equal("continuation", (await CampaignsApp.JsonAsync(otherOrder)).GetProperty("target").GetString());
    }

    [Theory]
    [InlineData("state=posted", "state")]
    [InlineData("channel=fax", "channel")]
    [InlineData("dueFrom=yesterday", "dueFrom")]
    [InlineData("take=0", "take")]
    [InlineData("order=random", "order")]
    public async Task A_bad_filter_is_refused_naming_it(string query, string target)
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));

        using var response = await owner.GetAsync(new Uri("/api/tasks?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(target, (await CampaignsApp.JsonAsync(response)).GetProperty("target").GetString());
    }

    [Fact]
    public async Task A_planned_linkedin_draft_is_marked_done_once_and_again_harmlessly()
    {
        var (ownerId, owner, _, linkedIn) = await EnrolledOwnerAsync();
        var taskId = TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, linkedIn, "thank-you");

        using var done = await owner.PostAsync(new Uri($"/api/tasks/{taskId}/done", UriKind.Relative), null);
        using var again = await owner.PostAsync(new Uri($"/api/tasks/{taskId}/done", UriKind.Relative), null);

        var body = await CampaignsApp.JsonAsync(done);
        Assert.Equal("done", body.GetProperty("state").GetString());
        Assert.Equal(CampaignsApp.Now, body.GetProperty("sentUtc").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stored = await _app.Stores.Tasks.FindAsync(ownerId, taskId, CancellationToken.None);
        Assert.Equal(TaskState.Done, stored!.State);

        // The recipient as they were when the draft went out (Bo has no title): recorded, so no later title describes it.
        Assert.Equal(new RecipientAtSend(null), stored.RecipientAtSend);
    }

    [Fact]
    public async Task Marking_an_email_task_done_is_refused_naming_the_channel()
    {
        var (ownerId, owner, email, _) = await EnrolledOwnerAsync();
        var taskId = TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, email, "thank-you");

        using var response = await owner.PostAsync(new Uri($"/api/tasks/{taskId}/done", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await CampaignsApp.JsonAsync(response);
        Assert.Equal(("task.not-linkedin", "channel"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
    }

    [Fact]
    public async Task Marking_a_skipped_linkedin_draft_done_is_a_conflict_naming_its_state()
    {
        var (ownerId, owner, _, linkedIn) = await EnrolledOwnerAsync();
        var taskId = TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, linkedIn, "follow-up");
        var task = await _app.Stores.Tasks.FindAsync(ownerId, taskId, CancellationToken.None);
        await _app.Stores.Tasks.TryReplaceAsync(task!.MoveTo(TaskState.Skipped, "replied"), CancellationToken.None);

        using var response = await owner.PostAsync(new Uri($"/api/tasks/{taskId}/done", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await CampaignsApp.JsonAsync(response);
        Assert.Equal("task.invalid-transition", problem.GetProperty("code").GetString());
        Assert.Contains("is skipped", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_email_is_queued_again_due_now_and_the_next_dispatch_puts_it_on_the_send_queue()
    {
        var queueName = "send-" + Guid.NewGuid().ToString("N")[..12];
        using var app = CampaignsApp.Start(azurite, ($"{DispatchingOptions.SectionName}:SendQueueName", queueName));
        var ownerId = ApiApp.NewId("o");
        using var owner = await app.OwnerAsync(ownerId);
        var contact = await app.AddContactAsync(ownerId, "Ada");
        using (var enrol = await owner.PostAsJsonAsync("/api/campaigns/class-visit-follow-up/enrolments", new { contactIds = new[] { contact } }))
        {
            enrol.EnsureSuccessStatusCode();
        }

        var taskId = TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, contact, "thank-you");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 14, 9, 1, 0, TimeSpan.Zero)); // the thank-you was due Wednesday 09:00
        using (var dispatch = await app.RunTimerAsync("DispatchDue"))
        {
            dispatch.EnsureSuccessStatusCode();
        }

        // The sender's SMTP account refused the login: failed, and no delivery will try again.
        var queued = await app.Stores.Tasks.FindAsync(ownerId, taskId, CancellationToken.None);
        Assert.Equal(TaskState.Queued, queued!.State);
        var failed = queued.MoveTo(TaskState.Claimed).MoveTo(TaskState.Failed) with { ClaimedUtc = app.Clock.GetUtcNow(), MessageId = "<m1@school.example>", FailureReason = "smtp-failed (535)" };
        Assert.NotNull(await app.Stores.Tasks.TryReplaceAsync(failed, CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromHours(2));

        using var requeue = await owner.PostAsync(new Uri($"/api/tasks/{taskId}/requeue", UriKind.Relative), null);
        using var again = await owner.PostAsync(new Uri($"/api/tasks/{taskId}/requeue", UriKind.Relative), null);
        using (var dispatch = await app.RunTimerAsync("DispatchDue"))
        {
            dispatch.EnsureSuccessStatusCode();
        }

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (requeue.StatusCode, again.StatusCode));
        var body = await CampaignsApp.JsonAsync(requeue);
        Assert.Equal(("queued", app.Clock.GetUtcNow()), (body.GetProperty("state").GetString(), body.GetProperty("dueUtc").GetDateTimeOffset()));
        Assert.Equal("smtp-failed (535)", body.GetProperty("failureReason").GetString()); // why it failed last time, until the next claim
        var stored = await app.Stores.Tasks.FindAsync(ownerId, taskId, CancellationToken.None);
        Assert.Equal((TaskState.Queued, null, null), (stored!.State, stored.ClaimedUtc, stored.MessageId));
        var queue = StorageAccount.FromConnectionString(azurite.ConnectionString).GetQueue(queueName, QueueMessageEncoding.Base64);
        var messages = await queue.PeekAsync(32);
        Assert.Equal(2, messages.Count(m => m.Text.Contains(taskId, StringComparison.Ordinal))); // the first dispatch's, and the one after the re-queue
    }

    [Fact]
    public async Task A_needs_review_email_is_queued_again_or_marked_sent_at_its_claim_and_counted()
    {
        var (ownerId, owner, email, _) = await EnrolledOwnerAsync();
        var thankYou = TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, email, "thank-you");
        var followUp = TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, email, "follow-up");
        var claimedAt = CampaignsApp.Now.AddMinutes(-30);
        foreach (var taskId in new[] { thankYou, followUp })
        {
            var task = await _app.Stores.Tasks.FindAsync(ownerId, taskId, CancellationToken.None);
            var review = task!.MoveTo(TaskState.Queued).MoveTo(TaskState.Claimed).MoveTo(TaskState.NeedsReview)
                with { ClaimedUtc = claimedAt, MessageId = $"<{taskId}@school.example>", FailureReason = "stale-claim" };
            Assert.NotNull(await _app.Stores.Tasks.TryReplaceAsync(review, CancellationToken.None));
        }

        using var sent = await owner.PostAsync(new Uri($"/api/tasks/{thankYou}/done", UriKind.Relative), null);
        using var requeued = await owner.PostAsync(new Uri($"/api/tasks/{followUp}/requeue", UriKind.Relative), null);
        using var requeueSent = await owner.PostAsync(new Uri($"/api/tasks/{thankYou}/requeue", UriKind.Relative), null);

        var sentBody = await CampaignsApp.JsonAsync(sent);
        Assert.Equal(("sent", claimedAt), (sentBody.GetProperty("state").GetString(), sentBody.GetProperty("sentUtc").GetDateTimeOffset()));
        Assert.Equal("queued", (await CampaignsApp.JsonAsync(requeued)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, requeueSent.StatusCode);
        var problem = await CampaignsApp.JsonAsync(requeueSent);
        Assert.Equal(("task.invalid-transition", "state"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Contains("is sent", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        using var metrics = await owner.GetAsync(new Uri("/api/metrics?groupBy=owner", UriKind.Relative));
        var row = Assert.Single((await CampaignsApp.JsonAsync(metrics)).GetProperty("rows").EnumerateArray());
        Assert.Equal(1, row.GetProperty("sent").GetInt64());
    }

    [Fact]
    public async Task A_planned_task_cannot_be_requeued_and_a_follow_up_stays_unsent_once_the_contact_answered()
    {
        var (ownerId, owner, email, _) = await EnrolledOwnerAsync();
        var thankYou = await _app.Stores.Tasks.FindAsync(ownerId, TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, email, "thank-you"), CancellationToken.None);
        var followUp = await _app.Stores.Tasks.FindAsync(ownerId, TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, email, "follow-up"), CancellationToken.None);
        using var planned = await owner.PostAsync(new Uri($"/api/tasks/{followUp!.TaskId}/requeue", UriKind.Relative), null);
        await _app.Stores.Tasks.TryReplaceAsync(followUp.MoveTo(TaskState.Queued).MoveTo(TaskState.Claimed).MoveTo(TaskState.Failed) with { FailureReason = "smtp-failed (535)" }, CancellationToken.None);
        await _app.Stores.Tasks.TryReplaceAsync(thankYou!.MoveTo(TaskState.Queued).MoveTo(TaskState.Claimed).MoveTo(TaskState.Sent).MoveTo(TaskState.Replied), CancellationToken.None);

        using var answered = await owner.PostAsync(new Uri($"/api/tasks/{followUp.TaskId}/requeue", UriKind.Relative), null);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (planned.StatusCode, answered.StatusCode));
        Assert.Contains("is planned", (await CampaignsApp.JsonAsync(planned)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("task.contact-answered", (await CampaignsApp.JsonAsync(answered)).GetProperty("code").GetString());
        Assert.Equal(TaskState.Failed, (await _app.Stores.Tasks.FindAsync(ownerId, followUp.TaskId, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task A_failed_needs_review_or_planned_task_is_skipped_by_the_owner_and_skipping_again_is_harmless()
    {
        var (ownerId, owner, email, linkedIn) = await EnrolledOwnerAsync();
        var failed = await MoveAsync(ownerId, email, "thank-you", t => t.MoveTo(TaskState.Queued).MoveTo(TaskState.Claimed).MoveTo(TaskState.Failed) with { FailureReason = "smtp-failed (535)" });
        var review = await MoveAsync(ownerId, email, "follow-up", t => t.MoveTo(TaskState.Queued).MoveTo(TaskState.Claimed).MoveTo(TaskState.NeedsReview) with { FailureReason = "stale-claim" });
        var draft = TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, linkedIn, "thank-you");

        var skips = new List<HttpResponseMessage>();
        foreach (var taskId in new[] { failed, review, draft, failed })
        {
            skips.Add(await owner.PostAsync(new Uri($"/api/tasks/{taskId}/skip", UriKind.Relative), null));
        }

        Assert.All(skips, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var body = await CampaignsApp.JsonAsync(skips[0]);
        Assert.Equal(("skipped", SkipReasons.ByOwner, "smtp-failed (535)"), (body.GetProperty("state").GetString(), body.GetProperty("skipReason").GetString(), body.GetProperty("failureReason").GetString()));
        foreach (var taskId in new[] { failed, review, draft })
        {
            var stored = await _app.Stores.Tasks.FindAsync(ownerId, taskId, CancellationToken.None);
            Assert.Equal((TaskState.Skipped, SkipReasons.ByOwner), (stored!.State, stored.SkipReason));
        }

        using var attention = await owner.GetAsync(new Uri("/api/tasks?state=failed,needs_review", UriKind.Relative));
        Assert.Equal(0, (await CampaignsApp.JsonAsync(attention)).GetProperty("tasks").GetArrayLength());
        skips.ForEach(r => r.Dispose());
    }

    [Theory]
    [InlineData("claimed", "is claimed")]
    [InlineData("sent", "is sent")]
    [InlineData("replied", "is skipped (replied)")]
    public async Task Skipping_a_task_mid_send_ended_or_skipped_by_a_stop_rule_is_a_conflict_naming_its_state(string state, string named)
    {
        var (ownerId, owner, email, _) = await EnrolledOwnerAsync();
        var taskId = await MoveAsync(ownerId, email, "thank-you", t => state switch
        {
            "claimed" => t.MoveTo(TaskState.Queued).MoveTo(TaskState.Claimed),
            "sent" => t.MoveTo(TaskState.Queued).MoveTo(TaskState.Claimed).MoveTo(TaskState.Sent),
            _ => t.MoveTo(TaskState.Skipped, SkipReasons.Replied),
        });

        using var response = await owner.PostAsync(new Uri($"/api/tasks/{taskId}/skip", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await CampaignsApp.JsonAsync(response);
        Assert.Equal(("task.invalid-transition", "state"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Contains(named, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var stored = await _app.Stores.Tasks.FindAsync(ownerId, taskId, CancellationToken.None);
        Assert.NotEqual(SkipReasons.ByOwner, stored!.SkipReason);
    }

    public void Dispose() => _app.Dispose();

    private async Task<string> MoveAsync(string ownerId, string contactId, string stepId, Func<OutreachTask, OutreachTask> move)
    {
        var taskId = TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, contactId, stepId);
        var task = await _app.Stores.Tasks.FindAsync(ownerId, taskId, CancellationToken.None);
        Assert.NotNull(await _app.Stores.Tasks.TryReplaceAsync(move(task!), CancellationToken.None));
        return taskId;
    }

    private async Task<(string OwnerId, HttpClient Owner, string Email, string LinkedIn)> EnrolledOwnerAsync()
    {
        var ownerId = ApiApp.NewId("o");
        var owner = await _app.OwnerAsync(ownerId);
        var email = await _app.AddContactAsync(ownerId, "Ada");
        var linkedIn = await _app.AddContactAsync(ownerId, "Bo", withEmail: false);
        using var enrol = await owner.PostAsJsonAsync("/api/campaigns/class-visit-follow-up/enrolments", new { contactIds = new[] { email, linkedIn } });
        Assert.Equal(6, (await CampaignsApp.JsonAsync(enrol)).GetProperty("planned").GetInt32());
        return (ownerId, owner, email, linkedIn);
    }
}
