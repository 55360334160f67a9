using Outreach.Core.Campaigns;
using Outreach.Core.Introductions;
using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Tests.Introductions;

public sealed class IntroductionTaskPlannerTests
{
    private const string Token = "b-consent-token-0123456789";

    private static readonly Campaign PayItForward = DefaultCampaigns.PayItForwardIntroduction("student-1");

    [Fact]
    public void The_consent_ask_becomes_an_email_task_to_B_at_the_next_window_opening()
    {
        var clock = ClockAt("2026-03-07T12:00Z"); // Saturday
        var request = new IntroductionWorkflow(clock).Request("intro-1", "student-1", "contact-a", "contact-b", "Maps.", Token);

        var task = Assert.Single(new IntroductionTaskPlanner(clock).TasksFor(request, PayItForward, LondonSender, SuppressionList.None));

        Assert.Equal(
            ("contact-b", "consent-ask", TemplateKind.IntroAsk, TaskChannel.Email, "intro-1", Utc("2026-03-09T08:00Z"), TaskState.Planned),
            (task.ContactId, task.StepId, task.Template, task.Channel, task.IntroductionId!, task.DueUtc, task.State));
        Assert.Equal(TaskIds.ForIntroduction("student-1", "intro-1", "consent-ask", "contact-b"), task.TaskId);
    }

    [Fact]
    public void The_introduction_becomes_one_task_to_A_and_B_copying_the_introducer_and_the_nudge_a_task_to_A()
    {
        var clock = ClockAt("2026-03-09T10:00Z");
        var workflow = new IntroductionWorkflow(clock);
        var planner = new IntroductionTaskPlanner(clock);
        var yes = workflow.RecordAnswer(
            workflow.Request("intro-1", "student-1", "contact-a", "contact-b", "Maps.", Token).Introduction, ConsentAnswer.Yes, ConsentResponder.ByToken(Token));
        var intro = Assert.Single(planner.TasksFor(yes, PayItForward, LondonSender, SuppressionList.None));
        clock.Advance(TimeSpan.FromDays(7));
        var nudge = workflow.Nudge(yes.Introduction);

        var reminder = Assert.Single(planner.TasksFor(nudge, PayItForward, LondonSender, SuppressionList.None));

        Assert.Equal(("contact-a", TemplateKind.Intro, true, Utc("2026-03-09T10:00Z")), (intro.ContactId, intro.Template, intro.CopyOwner, intro.DueUtc));
        Assert.Equal(["contact-b"], intro.AlsoToContactIds);
        Assert.Equal(("contact-a", TemplateKind.Nudge, false, Utc("2026-03-16T10:00Z")), (reminder.ContactId, reminder.Template, reminder.CopyOwner, reminder.DueUtc));
    }

    [Fact]
    public void Planning_the_same_command_twice_gives_the_same_task_id_and_a_repeat_plans_nothing()
    {
        var clock = ClockAt("2026-03-09T10:00Z");
        var workflow = new IntroductionWorkflow(clock);
        var request = workflow.Request("intro-1", "student-1", "contact-a", "contact-b", "Maps.", Token);
        var planner = new IntroductionTaskPlanner(clock);
        var yes = workflow.RecordAnswer(request.Introduction, ConsentAnswer.Yes, ConsentResponder.ByToken(Token));
        var yesAgain = workflow.RecordAnswer(yes.Introduction, ConsentAnswer.Yes, ConsentResponder.ByToken(Token));

        Assert.Equal(
            planner.TasksFor(request, PayItForward, LondonSender, SuppressionList.None).Single().TaskId,
            planner.TasksFor(request, PayItForward, LondonSender, SuppressionList.None).Single().TaskId);
        Assert.Empty(planner.TasksFor(yesAgain, PayItForward, LondonSender, SuppressionList.None));
    }

    [Fact]
    public void An_introduction_to_a_suppressed_contact_is_planned_skipped()
    {
        var clock = ClockAt("2026-03-09T10:00Z");
        var workflow = new IntroductionWorkflow(clock);
        var yes = workflow.RecordAnswer(
            workflow.Request("intro-1", "student-1", "contact-a", "contact-b", "Maps.", Token).Introduction, ConsentAnswer.Yes, ConsentResponder.ByToken(Token));

        var task = new IntroductionTaskPlanner(clock).TasksFor(yes, PayItForward, LondonSender, new SuppressionList().AddContact("student-1", "contact-b")).Single();

        Assert.Equal((TaskState.Skipped, "suppressed"), (task.State, task.SkipReason));
    }

    [Fact]
    public void A_campaign_without_the_needed_step_is_rejected()
    {
        var clock = ClockAt("2026-03-09T10:00Z");
        var request = new IntroductionWorkflow(clock).Request("intro-1", "student-1", "contact-a", "contact-b", "Maps.", Token);
        var noAsk = PayItForward with { Steps = [.. PayItForward.Steps.Skip(1)] };

        var error = Assert.Throws<DomainException>(() => new IntroductionTaskPlanner(clock).TasksFor(request, noAsk, LondonSender, SuppressionList.None));

        Assert.Equal("campaign.missing-step", error.Code);
    }
}
