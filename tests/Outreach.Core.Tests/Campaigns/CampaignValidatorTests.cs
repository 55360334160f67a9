using Outreach.Core.Campaigns;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Tests.Campaigns;

public sealed class CampaignValidatorTests
{
    private static Campaign WithSteps(params CampaignStep[] steps) => new()
    {
        CampaignId = "c1",
        Name = "Test",
        OwnerId = "student-1",
        Steps = steps,
    };

    private static CampaignStep Step(string id, int delay = 1, TemplateKind kind = TemplateKind.FollowUp) =>
        new() { StepId = id, Template = kind, Delay = StepDelay.CalendarDays(delay) };

    [Fact]
    public void Empty_steps_are_rejected_naming_steps()
    {
        var error = Assert.Throws<DomainException>(() => CampaignValidator.EnsureValid(WithSteps()));

        Assert.Equal("campaign.invalid", error.Code);
        Assert.Equal("steps", error.Target);
    }

    [Fact]
    public void Negative_delay_is_rejected_naming_the_step_field()
    {
        var error = Assert.Throws<DomainException>(() => CampaignValidator.EnsureValid(WithSteps(Step("a"), Step("b", delay: -1))));

        Assert.Equal("steps[1].delay", error.Target);
        Assert.Contains("negative delay (-1 days)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delay_past_ten_years_is_rejected_naming_the_step_field_and_ten_years_is_kept()
    {
        var error = Assert.Throws<DomainException>(() => CampaignValidator.EnsureValid(WithSteps(Step("a"), Step("b", delay: 3_000_000))));

        Assert.Equal("steps[1].delay", error.Target);
        Assert.Contains("a delay of 3000000 days; the longest is 3650", error.Message, StringComparison.Ordinal);
        CampaignValidator.EnsureValid(WithSteps(Step("a", delay: CampaignValidator.MaxDelayDays)));
    }

    [Fact]
    public void More_steps_than_the_limit_are_rejected_naming_steps()
    {
        var steps = Enumerable.Range(0, CampaignValidator.MaxSteps + 1).Select(i => Step($"s{i}")).ToArray();

        var error = Assert.Throws<DomainException>(() => CampaignValidator.EnsureValid(WithSteps(steps)));

        Assert.Equal("steps", error.Target);
        Assert.Contains("at most 100 steps; this one has 101", error.Message, StringComparison.Ordinal);
        CampaignValidator.EnsureValid(WithSteps(steps[..^1]));
    }

    [Fact]
    public void Duplicate_step_ids_are_rejected_naming_the_second()
    {
        var error = Assert.Throws<DomainException>(() => CampaignValidator.EnsureValid(WithSteps(Step("a"), Step("b"), Step("a"))));

        Assert.Equal("steps[2].stepId", error.Target);
        Assert.Contains("'a' is used twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_template_kind_is_rejected_naming_the_step_field()
    {
        var error = Assert.Throws<DomainException>(() => CampaignValidator.EnsureValid(WithSteps(Step("a", kind: (TemplateKind)99))));

        Assert.Equal("campaign.unknown-template-kind", error.Code);
        Assert.Equal("steps[0].template", error.Target);
    }

    [Theory]
    [InlineData("thank_you", TemplateKind.ThankYou)]
    [InlineData("follow_up", TemplateKind.FollowUp)]
    [InlineData("give_first", TemplateKind.GiveFirst)]
    [InlineData(" Give_First ", TemplateKind.GiveFirst)]
    [InlineData("stay_in_touch", TemplateKind.StayInTouch)]
    [InlineData("intro_ask", TemplateKind.IntroAsk)]
    [InlineData("intro", TemplateKind.Intro)]
    [InlineData("NUDGE", TemplateKind.Nudge)]
    public void Template_kind_wire_names_parse(string name, TemplateKind expected) =>
        Assert.Equal(expected, TemplateKindNames.Parse(name, "steps[0].template"));

    [Fact]
    public void Unknown_template_kind_name_is_rejected_with_its_field()
    {
        var error = Assert.Throws<DomainException>(() => TemplateKindNames.Parse("thankyou", "steps[3].template"));

        Assert.Equal("template.unknown-kind", error.Code);
        Assert.Equal("steps[3].template", error.Target);
    }

    [Fact]
    public void A_student_campaign_cannot_be_shared()
    {
        var campaign = WithSteps(Step("a")) with { SharedWith = ["client-1"] };

        var error = Assert.Throws<DomainException>(() => CampaignValidator.EnsureValid(campaign));

        Assert.Equal("sharedWith", error.Target);
    }

    [Fact]
    public void A_coach_campaign_is_available_to_the_coach_and_the_clients_it_is_shared_with_only()
    {
        var campaign = CampaignValidator.EnsureValid(
            WithSteps(Step("a")) with { OwnerId = "coach-1", OwnerKind = CampaignOwnerKind.Coach, SharedWith = ["client-1", "client-2"] });

        Assert.True(campaign.IsAvailableTo("coach-1"));
        Assert.True(campaign.IsAvailableTo("client-2"));
        Assert.False(campaign.IsAvailableTo("client-3"));
    }

    [Fact]
    public void Introduction_messages_cannot_be_mixed_with_timetabled_steps()
    {
        var error = Assert.Throws<DomainException>(() => CampaignValidator.EnsureValid(WithSteps(Step("a"), Step("b", kind: TemplateKind.Intro))));

        Assert.Equal("steps", error.Target);
    }

    [Fact]
    public void Class_visit_default_is_thank_you_next_business_morning_then_follow_up_after_7_days_then_stay_in_touch_after_30()
    {
        var campaign = DefaultCampaigns.ClassVisitFollowUp("student-1");

        Assert.Equal("Class visit follow-up", campaign.Name);
        Assert.Equal(
            [
                ("thank-you", TemplateKind.ThankYou, StepDelay.BusinessDays(1), StepCondition.OnlyIfNoReply),
                ("follow-up", TemplateKind.FollowUp, StepDelay.CalendarDays(7), StepCondition.OnlyIfNoReply),
                ("stay-in-touch", TemplateKind.GiveFirst, StepDelay.CalendarDays(30), StepCondition.Always),
            ],
            campaign.Steps.Select(s => (s.StepId, s.Template, s.Delay, s.Condition)).ToArray());
        Assert.All(campaign.Steps, s => Assert.Equal(new TimeOnly(9, 0), s.SendAt));
        Assert.False(campaign.IsIntroductionFlow);
    }

    [Fact]
    public void Pay_it_forward_default_carries_the_consent_ask_introduction_and_nudge_by_email()
    {
        var campaign = DefaultCampaigns.PayItForwardIntroduction("coach-1", CampaignOwnerKind.Coach);

        Assert.Equal("Pay it forward introduction", campaign.Name);
        Assert.Equal([TemplateKind.IntroAsk, TemplateKind.Intro, TemplateKind.Nudge], campaign.Steps.Select(s => s.Template).ToArray());
        Assert.All(campaign.Steps, s => Assert.Equal(ChannelPreference.EmailOnly, s.Channel));
        Assert.True(campaign.IsIntroductionFlow);
    }
}
