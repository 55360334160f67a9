using Outreach.Core.Campaigns;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;

namespace Outreach.Core.Tests.Planning;

public sealed class CampaignEditsTests
{
    private static readonly Campaign TwoSteps = new()
    {
        CampaignId = "alumni",
        Name = "Alumni coffee",
        OwnerId = "student-1",
        Steps =
        [
            new CampaignStep { StepId = "hello", Template = TemplateKind.ThankYou, Delay = StepDelay.BusinessDays(1) },
            new CampaignStep { StepId = "again", Template = TemplateKind.FollowUp, Delay = StepDelay.CalendarDays(5) },
        ],
    };

    [Fact]
    public void Deleting_skips_every_pending_task_of_the_campaign_and_leaves_claimed_ended_and_other_tasks()
    {
        var tasks = new[]
        {
            Task("hello", TaskState.Planned),
            Task("again", TaskState.Queued),
            Task("hello", TaskState.Claimed, contact: "c2"),
            Task("hello", TaskState.Sent, contact: "c3"),
            Task("hello", TaskState.Planned, campaign: "other"),
            Task("hello", TaskState.Planned, owner: "student-2"),
        };

        var transitions = CampaignEdits.Apply(TwoSteps, updated: null, tasks);

        Assert.Equal(
            [("c1", "hello", TaskState.Planned), ("c1", "again", TaskState.Queued)],
            transitions.Select(t => (t.Task.ContactId, t.Task.StepId, t.From)));
        Assert.All(transitions, t => Assert.Equal((TaskState.Skipped, SkipReasons.CampaignDeleted), (t.Task.State, t.Task.SkipReason)));
    }

    [Fact]
    public void Saving_without_a_step_skips_only_that_steps_pending_tasks()
    {
        var updated = TwoSteps with { Steps = [TwoSteps.Steps[0] with { Delay = StepDelay.CalendarDays(3) }] };

        var transitions = CampaignEdits.Apply(TwoSteps, updated, [Task("hello", TaskState.Planned), Task("again", TaskState.Planned)]);

        var skipped = Assert.Single(transitions);
        Assert.Equal(("again", TaskState.Skipped, SkipReasons.StepRemoved), (skipped.Task.StepId, skipped.Task.State, skipped.Task.SkipReason));
    }

    private static OutreachTask Task(string step, TaskState state, string contact = "c1", string campaign = "alumni", string owner = "student-1") => new()
    {
        TaskId = TaskIds.ForCampaignStep(owner, campaign, contact, step),
        OwnerId = owner,
        ContactId = contact,
        CampaignId = campaign,
        StepId = step,
        Template = TemplateKind.FollowUp,
        Channel = TaskChannel.Email,
        DueUtc = new DateTimeOffset(2026, 1, 14, 9, 0, 0, TimeSpan.Zero),
        State = state,
    };
}
