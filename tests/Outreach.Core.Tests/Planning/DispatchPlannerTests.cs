using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Tests.Planning;

public sealed class DispatchPlannerTests
{
    private static OutreachTask Due(string id, string due, double? score = null, TaskChannel channel = TaskChannel.Email, TaskState state = TaskState.Planned) => new()
    {
        TaskId = id,
        OwnerId = "student-1",
        ContactId = "contact-" + id,
        EmailKey = channel == TaskChannel.Email ? id + "@example.org" : null,
        CampaignId = DefaultCampaigns.ClassVisitFollowUpId,
        StepId = "follow-up",
        Template = TemplateKind.FollowUp,
        Channel = channel,
        DueUtc = Utc(due),
        Score = score,
        State = state,
    };

    private static DispatchPlan Plan(string now, IEnumerable<OutreachTask> tasks, SenderActivity? activity = null, SenderSchedule? sender = null, ISuppressionCheck? suppression = null) =>
        new DispatchPlanner(ClockAt(now)).Plan(sender ?? LondonSender, tasks, activity ?? SenderActivity.None, suppression ?? SuppressionList.None);

    [Fact]
    public void With_41_due_and_a_cap_of_40_the_40_likeliest_go_spaced_and_the_least_likely_waits_for_the_next_mornings_window()
    {
        // Scores 0.01..0.41; task 0 is unscored, so it ranks at the 5 % baseline and the least likely is task 1 (0.02).
        var tasks = Enumerable.Range(0, 41).Select(i => Due($"t{i:00}", "2026-03-09T08:30Z", i == 0 ? null : (i + 1) / 100.0)).ToList();

        var plan = Plan("2026-03-09T09:00Z", tasks);

        Assert.Equal(40, plan.Sends.Count);
        Assert.Equal(["t40", "t39", "t38"], plan.Sends.Take(3).Select(s => s.Task.TaskId));
        Assert.Equal(Utc("2026-03-09T09:00Z"), plan.Sends[0].SendAtUtc);
        Assert.Equal(Utc("2026-03-09T10:18Z"), plan.Sends[^1].SendAtUtc);
        var deferred = Assert.Single(plan.Deferred);
        Assert.Equal(("t01", Utc("2026-03-10T08:00Z"), "daily-cap"), (deferred.Task.TaskId, deferred.UntilUtc, deferred.Reason));
        Assert.Equal(Utc("2026-03-10T08:00Z"), deferred.Task.DueUtc);
    }

    [Fact]
    public void The_unscored_task_ranks_at_the_baseline_between_scored_ones()
    {
        var plan = Plan("2026-03-09T09:00Z", [Due("low", "2026-03-09T08:00Z", 0.04), Due("none", "2026-03-09T08:00Z"), Due("high", "2026-03-09T08:00Z", 0.06)]);

        Assert.Equal(["high", "none", "low"], plan.Sends.Select(s => s.Task.TaskId));
    }

    [Fact]
    public void Equal_scores_go_by_due_time_then_task_id()
    {
        var plan = Plan("2026-03-09T09:00Z", [Due("b", "2026-03-09T08:00Z", 0.1), Due("c", "2026-03-09T07:00Z", 0.1), Due("a", "2026-03-09T08:00Z", 0.1)]);

        Assert.Equal(["c", "a", "b"], plan.Sends.Select(s => s.Task.TaskId));
    }

    [Fact]
    public void Sends_already_made_today_count_against_the_cap()
    {
        var plan = Plan("2026-03-09T09:00Z", [Due("a", "2026-03-09T08:00Z", 0.2), Due("b", "2026-03-09T08:00Z", 0.1)], new SenderActivity(Date(2026, 3, 9), 39, Utc("2026-03-09T08:50Z")));

        Assert.Equal(["a"], plan.Sends.Select(s => s.Task.TaskId));
        Assert.Equal(("b", "daily-cap"), (plan.Deferred.Single().Task.TaskId, plan.Deferred.Single().Reason));
    }

    [Fact]
    public void The_cap_counts_the_senders_local_day_not_the_UTC_day()
    {
        // 13:00 UTC on 10 March is 09:00 in New York: yesterday's 40 sends do not count, today's do.
        var yesterday = Plan("2026-03-10T13:00Z", [Due("a", "2026-03-10T12:00Z")], new SenderActivity(Date(2026, 3, 9), 40, Utc("2026-03-09T21:00Z")), NewYorkSender);
        var today = Plan("2026-03-10T13:00Z", [Due("a", "2026-03-10T12:00Z")], new SenderActivity(Date(2026, 3, 10), 40, Utc("2026-03-10T12:59Z")), NewYorkSender);

        Assert.Equal(Utc("2026-03-10T13:00Z"), yesterday.Sends.Single().SendAtUtc);
        Assert.Equal(Utc("2026-03-11T12:00Z"), today.Deferred.Single().UntilUtc);
    }

    [Fact]
    public void The_first_send_waits_out_the_minimum_spacing_after_the_last_one_and_the_rest_follow_two_minutes_apart()
    {
        var plan = Plan(
            "2026-03-09T09:00Z",
            [Due("a", "2026-03-09T08:00Z", 0.3), Due("b", "2026-03-09T08:00Z", 0.2), Due("c", "2026-03-09T08:00Z", 0.1)],
            new SenderActivity(Date(2026, 3, 9), 1, Utc("2026-03-09T08:59:30Z")));

        Assert.Equal([Utc("2026-03-09T09:01:30Z"), Utc("2026-03-09T09:03:30Z"), Utc("2026-03-09T09:05:30Z")], plan.Sends.Select(s => s.SendAtUtc));
    }

    [Fact]
    public void Sends_are_spaced_after_the_latest_send_an_earlier_run_queued_not_only_after_the_last_one_sent()
    {
        var plan = Plan(
            "2026-03-09T09:01Z",
            [Due("a", "2026-03-09T08:00Z", 0.2), Due("b", "2026-03-09T08:00Z", 0.1)],
            new SenderActivity(Date(2026, 3, 9), 1, Utc("2026-03-09T08:30Z")) { LatestQueuedUtc = Utc("2026-03-09T09:04Z") });

        Assert.Equal([Utc("2026-03-09T09:06Z"), Utc("2026-03-09T09:08Z")], plan.Sends.Select(s => s.SendAtUtc));
    }

    [Fact]
    public void Sends_that_spacing_would_push_past_the_window_close_wait_for_the_next_opening()
    {
        var plan = Plan("2026-03-09T17:57Z", [Due("a", "2026-03-09T08:00Z", 0.3), Due("b", "2026-03-09T08:00Z", 0.2), Due("c", "2026-03-09T08:00Z", 0.1)]);

        Assert.Equal([Utc("2026-03-09T17:57Z"), Utc("2026-03-09T17:59Z")], plan.Sends.Select(s => s.SendAtUtc));
        Assert.Equal(("c", Utc("2026-03-10T08:00Z"), "window-closes"), (plan.Deferred.Single().Task.TaskId, plan.Deferred.Single().UntilUtc, plan.Deferred.Single().Reason));
    }

    [Theory]
    [InlineData("2026-03-09T07:00Z", "2026-03-09T08:00Z")] // Monday before opening: same morning
    [InlineData("2026-03-09T18:30Z", "2026-03-10T08:00Z")] // Monday evening: Tuesday morning
    [InlineData("2026-03-07T10:00Z", "2026-03-09T08:00Z")] // Saturday: Monday morning
    [InlineData("2026-04-03T10:00Z", "2026-04-06T07:00Z")] // Friday after the switch, holiday: Monday 08:00 BST
    public void Outside_the_window_everything_waits_for_the_next_opening(string now, string opening)
    {
        var sender = LondonSender with { Calendar = new BusinessCalendar([Date(2026, 4, 3)]) };

        var plan = Plan(now, [Due("a", "2026-03-01T08:00Z"), Due("b", "2026-03-01T08:00Z")], sender: sender);

        Assert.Empty(plan.Sends);
        Assert.All(plan.Deferred, d => Assert.Equal((Utc(opening), "outside-window"), (d.UntilUtc, d.Reason)));
    }

    [Fact]
    public void A_Friday_cap_defers_to_Monday_morning()
    {
        var plan = Plan("2026-03-13T10:00Z", [Due("a", "2026-03-13T08:00Z")], new SenderActivity(Date(2026, 3, 13), 40, Utc("2026-03-13T09:59Z")));

        Assert.Equal(Utc("2026-03-16T08:00Z"), plan.Deferred.Single().UntilUtc);
    }

    [Fact]
    public void A_contact_suppressed_since_planning_is_skipped_at_dispatch()
    {
        var suppression = new SuppressionList().AddEmail("student-1", "b@example.org");

        var plan = Plan("2026-03-09T09:00Z", [Due("a", "2026-03-09T08:00Z"), Due("b", "2026-03-09T08:00Z")], suppression: suppression);

        Assert.Equal(["a"], plan.Sends.Select(s => s.Task.TaskId));
        Assert.Equal(("b", TaskState.Skipped, "suppressed"), (plan.Skipped.Single().TaskId, plan.Skipped.Single().State, plan.Skipped.Single().SkipReason));
    }

    [Fact]
    public void LinkedIn_drafts_become_ready_without_using_the_cap()
    {
        var plan = Plan(
            "2026-03-09T09:00Z",
            [Due("draft", "2026-03-09T08:00Z", channel: TaskChannel.LinkedIn), Due("mail", "2026-03-09T08:00Z")],
            new SenderActivity(Date(2026, 3, 9), 39, null));

        Assert.Equal(["draft"], plan.ManualDrafts.Select(t => t.TaskId));
        Assert.Equal(["mail"], plan.Sends.Select(s => s.Task.TaskId));
    }

    [Fact]
    public void Tasks_not_yet_due_wait_for_their_due_time_and_tasks_no_longer_pending_are_left_alone()
    {
        var plan = Plan("2026-03-09T09:00Z", [Due("later", "2026-03-09T09:30Z"), Due("done", "2026-03-09T08:00Z", state: TaskState.Sent)]);

        Assert.Equal((Utc("2026-03-09T09:30Z"), "not-due"), (plan.Deferred.Single().UntilUtc, plan.Deferred.Single().Reason));
        Assert.Equal(["done"], plan.NotPending.Select(t => t.TaskId));
        Assert.Empty(plan.Sends);
    }

    [Fact]
    public void A_zero_cap_is_rejected_naming_the_field()
    {
        var error = Assert.Throws<DomainException>(() => Plan("2026-03-09T09:00Z", [], sender: LondonSender with { DailyCap = 0 }));

        Assert.Equal("dailyCap", error.Target);
    }
}
