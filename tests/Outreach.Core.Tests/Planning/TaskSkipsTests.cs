using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;

namespace Outreach.Core.Tests.Planning;

public sealed class TaskSkipsTests
{
    [Fact]
    public void Only_the_tasks_the_rule_gives_a_reason_for_are_skipped_with_it_in_their_order_each_remembering_its_state()
    {
        var tasks = new[] { Task("a", TaskState.Queued), Task("b", TaskState.Planned), Task("c", TaskState.Failed) };

        var transitions = TaskSkips.Among(tasks, t => t.ContactId == "b" ? null : "reason-" + t.ContactId);

        Assert.Equal(
            [("a", TaskState.Queued, TaskState.Skipped, "reason-a"), ("c", TaskState.Failed, TaskState.Skipped, "reason-c")],
            transitions.Select(t => (t.Task.ContactId, t.From, t.To, t.Task.SkipReason)));
        Assert.All(transitions, t => Assert.Equal(TaskState.Skipped, t.Task.State));
    }

    [Fact]
    public void A_rule_naming_a_task_that_can_no_longer_be_skipped_is_refused_not_written()
    {
        var error = Assert.Throws<DomainException>(() => TaskSkips.Among([Task("a", TaskState.Claimed)], _ => SkipReasons.ByOwner));

        Assert.Equal("task.invalid-transition", error.Code);
    }

    private static OutreachTask Task(string contact, TaskState state) => new()
    {
        TaskId = TaskIds.ForCampaignStep("student-1", "alumni", contact, "hello"),
        OwnerId = "student-1",
        ContactId = contact,
        CampaignId = "alumni",
        StepId = "hello",
        Template = TemplateKind.FollowUp,
        Channel = TaskChannel.Email,
        DueUtc = new DateTimeOffset(2026, 1, 14, 9, 0, 0, TimeSpan.Zero),
        State = state,
    };
}
