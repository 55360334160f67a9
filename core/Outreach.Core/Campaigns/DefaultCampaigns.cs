using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Campaigns;

/// <summary>The campaigns every owner starts with.</summary>
public static class DefaultCampaigns
{
    /// <summary>Id of <see cref="ClassVisitFollowUp"/>.</summary>
    public const string ClassVisitFollowUpId = "class-visit-follow-up";

    /// <summary>Id of <see cref="PayItForwardIntroduction"/>.</summary>
    public const string PayItForwardIntroductionId = "pay-it-forward-introduction";

    /// <summary>
    /// Thank-you the next business morning after meeting, a follow-up 7 days later if nobody answered, and a give-first
    /// stay-in-touch note 30 days after that, which a reply does not cancel (it offers something; it does not chase).
    /// </summary>
    public static Campaign ClassVisitFollowUp(string ownerId, CampaignOwnerKind ownerKind = CampaignOwnerKind.Student) =>
        CampaignValidator.EnsureValid(new Campaign
        {
            CampaignId = ClassVisitFollowUpId,
            Name = "Class visit follow-up",
            OwnerId = ownerId,
            OwnerKind = ownerKind,
            Steps =
            [
                new CampaignStep { StepId = "thank-you", Template = TemplateKind.ThankYou, Delay = StepDelay.BusinessDays(1) },
                new CampaignStep { StepId = "follow-up", Template = TemplateKind.FollowUp, Delay = StepDelay.CalendarDays(7) },
                new CampaignStep
                {
                    StepId = "stay-in-touch",
                    Template = TemplateKind.GiveFirst,
                    Delay = StepDelay.CalendarDays(30),
                    Condition = StepCondition.Always,
                },
            ],
        });

    /// <summary>
    /// The double opt-in introduction's messages: the consent ask to B, the introduction to A and B (introducer in
    /// copy) once B says yes, and a nudge to A. <c>IntroductionWorkflow</c> decides when each is
    /// due; the delays here are the defaults it is configured with (nudge 7 days after the introduction). All are
    /// email-only: an introduction needs both addresses.
    /// </summary>
    public static Campaign PayItForwardIntroduction(string ownerId, CampaignOwnerKind ownerKind = CampaignOwnerKind.Student) =>
        CampaignValidator.EnsureValid(new Campaign
        {
            CampaignId = PayItForwardIntroductionId,
            Name = "Pay it forward introduction",
            OwnerId = ownerId,
            OwnerKind = ownerKind,
            Steps =
            [
                new CampaignStep
                {
                    StepId = "consent-ask", Template = TemplateKind.IntroAsk, Delay = StepDelay.BusinessDays(0),
                    Channel = ChannelPreference.EmailOnly, Condition = StepCondition.Always,
                },
                new CampaignStep
                {
                    StepId = "introduction", Template = TemplateKind.Intro, Delay = StepDelay.BusinessDays(0),
                    Channel = ChannelPreference.EmailOnly, Condition = StepCondition.Always,
                },
                new CampaignStep
                {
                    StepId = "nudge", Template = TemplateKind.Nudge, Delay = StepDelay.CalendarDays(7),
                    Channel = ChannelPreference.EmailOnly, Condition = StepCondition.OnlyIfNoReply,
                },
            ],
        });
}
