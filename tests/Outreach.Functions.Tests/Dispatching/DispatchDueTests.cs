using System.Net;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Testing.LocalServices;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Functions.Tests.Dispatching;

/// <summary>
/// The DispatchDue timer end to end on Azurite: enrol, move the clock to the thank-you morning, post the timer
/// envelope, and look at the send queue, the tasks and the due index. Contacts met Tuesday 3 March 2026 get their
/// thank-you on Wednesday at 09:00 in their owner's zone: 09:00 UTC in London, 14:00 UTC in New York.
/// </summary>
public sealed class DispatchDueTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateOnly MetOn = new(2026, 3, 3);
    private static readonly DateTimeOffset EnrolledAt = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LondonThankYou = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NewYorkThankYou = new(2026, 3, 4, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Thank_yous_go_on_the_send_queue_at_each_owners_local_morning_once()
    {
        await using var app = await DispatchApp.StartAsync(azurite, EnrolledAt);
        await app.SaveProfileAsync("ada", "Europe/London");
        await app.SaveProfileAsync("bo", "America/New_York");
        await app.EnrolAsync("ada", DispatchApp.Contact("ada", "a1", MetOn), DispatchApp.Contact("ada", "a2", MetOn), DispatchApp.Contact("ada", "a3", MetOn));
        await app.EnrolAsync("bo", DispatchApp.Contact("bo", "b1", MetOn), DispatchApp.Contact("bo", "b2", MetOn));

        app.Clock.SetUtcNow(LondonThankYou);
        using (var run = await app.RunDispatcherAsync())
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }

        // Equal scores and due times: task id order, spaced by the default two minutes.
        var ada = new[] { "a1", "a2", "a3" }.Select(c => DispatchApp.ThankYouTaskId("ada", c)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [(new SendRequest("ada", ada[0]), TimeSpan.Zero), (new SendRequest("ada", ada[1]), TimeSpan.FromMinutes(2)), (new SendRequest("ada", ada[2]), TimeSpan.FromMinutes(4))],
            app.Sent.Sent);
        var visible = Assert.Single(await app.SendQueue.PeekAsync(32));
        Assert.Equal($$"""{"ownerId":"ada","taskId":"{{ada[0]}}"}""", visible.Text);
        Assert.Equal(3, await app.SendQueue.GetApproximateCountAsync());
        foreach (var taskId in ada)
        {
            Assert.Equal(TaskState.Queued, (await app.FindTaskAsync("ada", taskId))!.State);
        }

        Assert.Empty(await app.BucketAsync(LondonThankYou));
        Assert.Equal(LondonThankYou - DueBuckets.Width, await app.Stores.DispatchCursor.ReadAsync(CancellationToken.None));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using (var again = await app.RunDispatcherAsync())
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Equal(3, app.Sent.Sent.Count);
        Assert.Equal(3, await app.SendQueue.GetApproximateCountAsync());

        app.Clock.SetUtcNow(NewYorkThankYou);
        using (var afternoon = await app.RunDispatcherAsync())
        {
            Assert.Equal(HttpStatusCode.OK, afternoon.StatusCode);
        }

        var bo = new[] { "b1", "b2" }.Select(c => DispatchApp.ThankYouTaskId("bo", c)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([(new SendRequest("bo", bo[0]), TimeSpan.Zero), (new SendRequest("bo", bo[1]), TimeSpan.FromMinutes(2))], app.Sent.Sent.Skip(3));
        Assert.Equal(TaskState.Queued, (await app.FindTaskAsync("bo", bo[1]))!.State);
        Assert.Empty(await app.BucketAsync(NewYorkThankYou));
    }

    [Fact]
    public async Task A_run_a_minute_after_another_spaces_its_sends_after_the_ones_still_waiting_in_the_queue()
    {
        await using var app = await DispatchApp.StartAsync(azurite, EnrolledAt);
        await app.Profiles.SaveAsync(
            new SenderProfile { OwnerId = "eve", Email = "eve@school.example", TimeZoneId = "Europe/London", MinimumSpacing = TimeSpan.FromMinutes(5) },
            CancellationToken.None);
        await app.EnrolAsync("eve", DispatchApp.Contact("eve", "e1", MetOn), DispatchApp.Contact("eve", "e2", MetOn));
        app.Clock.SetUtcNow(LondonThankYou);
        using (var first = await app.RunDispatcherAsync())
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // A contact imported a minute later is due at once, while e1's and e2's messages still wait (nothing was sent).
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.EnrolAsync("eve", DispatchApp.Contact("eve", "e3", MetOn));
        using (var second = await app.RunDispatcherAsync())
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        var sendTimes = app.Sent.Sent.Select((s, i) => (i < 2 ? LondonThankYou : LondonThankYou.AddMinutes(1)) + s.Delay).ToList();
        Assert.Equal([LondonThankYou, LondonThankYou.AddMinutes(5), LondonThankYou.AddMinutes(10)], sendTimes);
        Assert.Equal(DispatchApp.ThankYouTaskId("eve", "e3"), app.Sent.Sent[^1].Request.TaskId);
        Assert.Equal(LondonThankYou.AddMinutes(10), (await app.Stores.SenderActivity.GetAsync("eve", CancellationToken.None)).LatestQueuedUtc);
    }

    [Fact]
    public async Task When_the_daily_cap_binds_the_highest_scores_go_first_and_the_rest_waits_for_the_next_window()
    {
        var scorer = new ContactScorer();
        var contacts = Enumerable.Range(0, 41).Select(i => DispatchApp.Contact("cy", $"c{i:00}", MetOn)).ToArray();
        for (var i = 0; i < contacts.Length; i++)
        {
            scorer.ByContact[contacts[i].ContactId] = 0.01 + (i * 0.001);
        }

        await using var app = await DispatchApp.StartAsync(azurite, EnrolledAt, scorer);
        await app.SaveProfileAsync("cy", "Europe/London");
        await app.EnrolAsync("cy", contacts);

        app.Clock.SetUtcNow(LondonThankYou);
        using var run = await app.RunDispatcherAsync();

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var expected = Enumerable.Range(1, 40).Reverse()
            .Select((contact, slot) => (new SendRequest("cy", DispatchApp.ThankYouTaskId("cy", $"c{contact:00}")), TimeSpan.FromMinutes(2 * slot)));
        Assert.Equal(expected, app.Sent.Sent);
        var best = await app.FindTaskAsync("cy", DispatchApp.ThankYouTaskId("cy", "c40"));
        Assert.Equal((TaskState.Queued, scorer.ByContact["c40"]), (best!.State, best.Score));

        // The lowest score waits for Thursday's opening (08:00 London = 08:00 UTC) and is indexed there.
        var thursdayOpening = new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero);
        var waiting = await app.FindTaskAsync("cy", DispatchApp.ThankYouTaskId("cy", "c00"));
        Assert.Equal((TaskState.Planned, thursdayOpening, 0.01), (waiting!.State, waiting.DueUtc, waiting.Score));
        var entry = Assert.Single(await app.BucketAsync(thursdayOpening), e => e.TaskId == waiting.TaskId);
        Assert.Equal(thursdayOpening, entry.DueUtc);
        Assert.Empty(await app.BucketAsync(LondonThankYou));
    }

    [Fact]
    public async Task A_contact_suppressed_after_enrolment_is_skipped_with_the_reason_and_not_sent()
    {
        await using var app = await DispatchApp.StartAsync(azurite, EnrolledAt);
        await app.SaveProfileAsync("dee", "Europe/London");
        await app.EnrolAsync("dee", DispatchApp.Contact("dee", "d1", MetOn), DispatchApp.Contact("dee", "d2", MetOn));
        await app.Stores.Suppressions.AddAsync(SuppressionEntry.ForEmail("dee", "D2@example.org", "unsubscribed", EnrolledAt.AddHours(2)), CancellationToken.None);

        app.Clock.SetUtcNow(LondonThankYou);
        using var run = await app.RunDispatcherAsync();

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal([new SendRequest("dee", DispatchApp.ThankYouTaskId("dee", "d1"))], app.Sent.Sent.Select(s => s.Request));
        var skipped = await app.FindTaskAsync("dee", DispatchApp.ThankYouTaskId("dee", "d2"));
        Assert.Equal((TaskState.Skipped, SkipReasons.Suppressed), (skipped!.State, skipped.SkipReason));
        Assert.Empty(await app.BucketAsync(LondonThankYou));
    }

    [Fact]
    public async Task A_task_changed_between_read_and_write_is_not_enqueued_and_is_decided_again_next_run()
    {
        await using var app = await DispatchApp.StartAsync(azurite, EnrolledAt);
        await app.SaveProfileAsync("eve", "Europe/London");
        await app.EnrolAsync("eve", DispatchApp.Contact("eve", "e1", MetOn), DispatchApp.Contact("eve", "e2", MetOn));
        var raced = DispatchApp.ThankYouTaskId("eve", "e2");
        app.Tasks.ChangeBeforeNextReplace(raced, current => current.MoveTo(TaskState.Skipped, SkipReasons.Replied)); // a reply lands mid-run

        app.Clock.SetUtcNow(LondonThankYou);
        using (var run = await app.RunDispatcherAsync())
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }

        Assert.Equal([new SendRequest("eve", DispatchApp.ThankYouTaskId("eve", "e1"))], app.Sent.Sent.Select(s => s.Request));
        Assert.Equal(TaskState.Skipped, (await app.FindTaskAsync("eve", raced))!.State);
        Assert.Equal(raced, Assert.Single(await app.BucketAsync(LondonThankYou)).TaskId); // kept for the next run

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using (var next = await app.RunDispatcherAsync())
        {
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }

        Assert.Single(app.Sent.Sent);
        Assert.Equal(1, await app.SendQueue.GetApproximateCountAsync());
        Assert.Empty(await app.BucketAsync(LondonThankYou));
    }

    [Fact]
    public async Task The_cursor_moves_only_after_a_run_that_handled_every_owner()
    {
        await using var app = await DispatchApp.StartAsync(azurite, EnrolledAt);
        await app.SaveProfileAsync("fay", "Europe/London");
        await app.EnrolAsync("fay", DispatchApp.Contact("fay", "f1", MetOn));
        app.Tasks.FailingOwner = "fay";

        app.Clock.SetUtcNow(LondonThankYou);
        using (var failed = await app.RunDispatcherAsync())
        {
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        Assert.Null(await app.Stores.DispatchCursor.ReadAsync(CancellationToken.None));
        Assert.Empty(app.Sent.Sent);

        app.Tasks.FailingOwner = null;
        app.Clock.Advance(TimeSpan.FromMinutes(6)); // the next occurrences still find the entry behind them
        using (var recovered = await app.RunDispatcherAsync())
        {
            Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        }

        Assert.Equal([new SendRequest("fay", DispatchApp.ThankYouTaskId("fay", "f1"))], app.Sent.Sent.Select(s => s.Request));
        Assert.Equal(LondonThankYou, await app.Stores.DispatchCursor.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Owners_with_nothing_due_are_never_read()
    {
        await using var app = await DispatchApp.StartAsync(azurite, EnrolledAt);
        var nextMonth = new DateTimeOffset(2026, 4, 6, 9, 0, 0, TimeSpan.Zero);
        var writer = new PlanWriter(app.Stores.Tasks, app.Stores.DueIndex, app.Clock);
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var owner = $"idle{i:0000}";
            await writer.WriteAsync([IdleTask(owner, nextMonth)], ct);
        });
        await app.SaveProfileAsync("gus", "Europe/London");
        await app.EnrolAsync("gus", DispatchApp.Contact("gus", "g1", MetOn), DispatchApp.Contact("gus", "g2", MetOn));

        var profileReadsAtEnrolment = app.Profiles.OwnersRead.Count;

        app.Clock.SetUtcNow(LondonThankYou);
        using var run = await app.RunDispatcherAsync();

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal(2, app.Sent.Sent.Count);
        Assert.Equal(new Dictionary<string, int> { ["gus"] = 2 }, app.Tasks.PointReadsByOwner);
        Assert.Equal(["gus"], app.Profiles.OwnersRead.Skip(profileReadsAtEnrolment));
        Assert.Equal(1000, (await app.BucketAsync(nextMonth)).Count);
    }

    private static OutreachTask IdleTask(string ownerId, DateTimeOffset due) => new()
    {
        TaskId = TaskIds.ForCampaignStep(ownerId, "class-visit-follow-up", "someone", "thank-you"),
        OwnerId = ownerId,
        ContactId = "someone",
        CampaignId = "class-visit-follow-up",
        StepId = "thank-you",
        Template = TemplateKind.ThankYou,
        Channel = TaskChannel.Email,
        EmailKey = "someone@example.org",
        DueUtc = due,
    };
}
