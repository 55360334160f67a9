using Outreach.Core.Campaigns;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Tests.Planning;

public sealed class StopRulesTests
{
    private static OutreachTask Task(string step, TaskState state, StepCondition condition = StepCondition.OnlyIfNoReply, TaskChannel channel = TaskChannel.Email, string contact = "c1") => new()
    {
        TaskId = step + "-" + contact,
        OwnerId = "student-1",
        ContactId = contact,
        CampaignId = DefaultCampaigns.ClassVisitFollowUpId,
        StepId = step,
        Template = TemplateKind.FollowUp,
        Channel = channel,
        Condition = condition,
        DueUtc = Utc("2026-03-09T09:00Z"),
        State = state,
    };

    private static readonly OutreachTask[] Sequence =
    [
        Task("thank-you", TaskState.Sent),
        Task("follow-up", TaskState.Planned),
        Task("stay-in-touch", TaskState.Planned, StepCondition.Always),
        Task("follow-up", TaskState.Planned, contact: "c2"),
    ];

    private static IReadOnlyList<(string, TaskState, TaskState, string?)> Apply(OutcomeType type, string? taskId = null, IEnumerable<OutreachTask>? tasks = null, BounceSeverity? severity = null)
    {
        var outcome = new Outcome
        {
            OwnerId = "student-1",
            ContactId = "c1",
            TaskId = taskId,
            Type = type,
            BounceSeverity = severity,
            OccurredAt = Utc("2026-03-10T10:00Z"),
            Source = OutcomeSource.Manual,
            DedupeKey = $"test:{type}:{taskId}",
        };
        return [.. StopRules.Apply(outcome, tasks ?? Sequence).Select(t => (t.Task.TaskId, t.From, t.To, t.Task.SkipReason))];
    }

    [Fact]
    public void A_reply_marks_the_answered_task_replied_and_skips_the_pending_follow_up_but_keeps_the_stay_in_touch_note()
    {
        Assert.Equal(
            [("thank-you-c1", TaskState.Sent, TaskState.Replied, null), ("follow-up-c1", TaskState.Planned, TaskState.Skipped, "replied")],
            Apply(OutcomeType.Replied, "thank-you-c1"));
    }

    [Fact]
    public void An_unmatched_reply_still_stops_the_follow_ups()
    {
        Assert.Equal([("follow-up-c1", TaskState.Planned, TaskState.Skipped, "replied")], Apply(OutcomeType.Replied));
    }

    [Fact]
    public void A_booked_meeting_stops_follow_ups_with_its_own_reason() =>
        Assert.Equal([("follow-up-c1", TaskState.Planned, TaskState.Skipped, "meeting-booked")], Apply(OutcomeType.MeetingBooked));

    [Theory]
    [InlineData(OutcomeType.IntroAccepted)]
    [InlineData(OutcomeType.IntroDeclined)]
    public void An_introduction_answer_counts_as_a_reply(OutcomeType kind) =>
        Assert.Equal([("follow-up-c1", TaskState.Planned, TaskState.Skipped, "introduction-answered")], Apply(kind));

    [Fact]
    public void An_unsubscribe_skips_every_pending_task_including_always_steps_and_linkedin_drafts()
    {
        var tasks = Sequence.Append(Task("draft", TaskState.Planned, StepCondition.Always, TaskChannel.LinkedIn));

        Assert.Equal(
            [
                ("follow-up-c1", TaskState.Planned, TaskState.Skipped, "unsubscribed"),
                ("stay-in-touch-c1", TaskState.Planned, TaskState.Skipped, "unsubscribed"),
                ("draft-c1", TaskState.Planned, TaskState.Skipped, "unsubscribed"),
            ],
            Apply(OutcomeType.Unsubscribed, tasks: tasks));
    }

    [Fact]
    public void A_hard_bounce_skips_pending_email_but_keeps_linkedin_drafts()
    {
        var tasks = Sequence.Append(Task("draft", TaskState.Planned, channel: TaskChannel.LinkedIn));

        Assert.Equal(
            [("follow-up-c1", TaskState.Planned, TaskState.Skipped, "bounced"), ("stay-in-touch-c1", TaskState.Planned, TaskState.Skipped, "bounced")],
            Apply(OutcomeType.Bounced, tasks: tasks, severity: BounceSeverity.Hard));
    }

    [Fact]
    public void A_soft_bounce_stops_nothing_since_the_address_may_work_tomorrow() =>
        Assert.Empty(Apply(OutcomeType.Bounced, severity: BounceSeverity.Soft));

    [Fact]
    public void An_auto_reply_stops_nothing() => Assert.Empty(Apply(OutcomeType.AutoReplied, "thank-you-c1"));

    [Fact]
    public void Queued_tasks_are_cancelled_but_a_claimed_task_mid_send_is_left_to_finish()
    {
        var tasks = new[] { Task("queued", TaskState.Queued), Task("claimed", TaskState.Claimed) };

        Assert.Equal([("queued-c1", TaskState.Queued, TaskState.Skipped, "replied")], Apply(OutcomeType.Replied, tasks: tasks));
    }
}
