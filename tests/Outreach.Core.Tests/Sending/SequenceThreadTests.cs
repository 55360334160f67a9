using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;
using Outreach.Core.Sending;

namespace Outreach.Core.Tests.Sending;

/// <summary>Which earlier emails a campaign step's email is threaded under.</summary>
public sealed class SequenceThreadTests
{
    private const string Owner = "owner-1";
    private static readonly DateTimeOffset Met = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly OutreachTask _stayInTouch = Step("stay-in-touch", days: 30);

    [Fact]
    public void The_first_step_of_a_sequence_has_no_thread_headers()
    {
        var thankYou = Step("thank-you", days: 1);

        Assert.Null(SequenceThread.Of(thankYou, [thankYou, Step("follow-up", days: 8)]));
    }

    [Fact]
    public void A_later_step_replies_to_the_latest_sent_email_and_references_every_earlier_one_oldest_first()
    {
        var thankYou = Sent(Step("thank-you", days: 1), "<thanks@uni.example>");
        var followUp = Sent(Step("follow-up", days: 8), "<follow@uni.example>");

        var thread = SequenceThread.Of(_stayInTouch, [followUp, _stayInTouch, thankYou])!;

        Assert.Equal("<follow@uni.example>", thread.InReplyTo);
        Assert.Equal(["<thanks@uni.example>", "<follow@uni.example>"], thread.References);
    }

    [Fact]
    public void A_step_whose_earlier_steps_were_sent_by_hand_or_never_sent_has_no_thread_headers()
    {
        var linkedIn = Step("thank-you", days: 1) with { Channel = TaskChannel.LinkedIn, State = TaskState.Done, SentUtc = Met.AddDays(1) };
        var skipped = Step("follow-up", days: 8).MoveTo(TaskState.Skipped, SkipReasons.Suppressed);
        var inReview = Step("nudge", days: 9) with { State = TaskState.NeedsReview, MessageId = "<maybe@uni.example>", ClaimedUtc = Met.AddDays(9) };
        var failed = Step("again", days: 10) with { State = TaskState.Failed, MessageId = "<refused@uni.example>" };

        Assert.Null(SequenceThread.Of(_stayInTouch, [linkedIn, skipped, inReview, failed, _stayInTouch]));
    }

    [Fact]
    public void An_email_the_contact_replied_to_still_heads_the_thread()
    {
        var thankYou = Sent(Step("thank-you", days: 1), "<thanks@uni.example>").MoveTo(TaskState.Replied);

        Assert.Equal("<thanks@uni.example>", SequenceThread.Of(_stayInTouch, [thankYou])!.InReplyTo);
    }

    [Fact]
    public void Emails_of_another_campaign_or_an_introduction_to_the_same_contact_are_another_conversation()
    {
        var otherCampaign = Sent(Step("thank-you", days: 1) with { CampaignId = "career-fair", TaskId = "other" }, "<other@uni.example>");
        var introduction = Sent(Step("intro", days: 2) with { IntroductionId = "i1", Template = TemplateKind.Intro }, "<intro@uni.example>");

        Assert.Null(SequenceThread.Of(_stayInTouch, [otherCampaign, introduction]));
    }

    [Fact]
    public void An_introduction_message_is_not_threaded_under_campaign_emails_or_another_introduction()
    {
        var thankYou = Sent(Step("thank-you", days: 1), "<thanks@uni.example>");
        var otherIntroduction = Sent(Introduction("i2", "intro", days: 1, alsoTo: "c-bo"), "<other-intro@uni.example>");
        var nudge = Introduction("i1", "nudge", days: 9);

        Assert.Null(SequenceThread.Of(nudge, [thankYou, otherIntroduction, nudge]));
    }

    [Fact]
    public void The_nudge_to_A_replies_to_the_introduction_email_A_got_with_B()
    {
        var introduction = Sent(Introduction("i1", "intro", days: 2, alsoTo: "c-bo"), "<intro@uni.example>");
        var nudge = Introduction("i1", "nudge", days: 9);

        var thread = SequenceThread.Of(nudge, [introduction, nudge])!;

        Assert.Equal("<intro@uni.example>", thread.InReplyTo);
        Assert.Equal(["<intro@uni.example>"], thread.References);
    }

    [Fact]
    public void An_introduction_message_to_A_and_B_is_not_threaded_under_one_that_only_A_got()
    {
        var toAOnly = Sent(Introduction("i1", "note", days: 1), "<a-only@uni.example>");
        var introduction = Introduction("i1", "intro", days: 2, alsoTo: "c-bo");

        Assert.Null(SequenceThread.Of(introduction, [toAOnly, introduction]));
    }

    private static OutreachTask Step(string stepId, int days) => new()
    {
        TaskId = TaskIds.ForCampaignStep(Owner, "class-visit", "c-ann", stepId),
        OwnerId = Owner,
        ContactId = "c-ann",
        CampaignId = "class-visit",
        StepId = stepId,
        Template = TemplateKind.FollowUp,
        Channel = TaskChannel.Email,
        DueUtc = Met.AddDays(days),
        State = TaskState.Queued,
    };

    private static OutreachTask Introduction(string introductionId, string stepId, int days, string? alsoTo = null) => Step(stepId, days) with
    {
        TaskId = TaskIds.ForIntroduction(Owner, introductionId, stepId, "c-ann"),
        CampaignId = "pay-it-forward-introduction",
        IntroductionId = introductionId,
        Template = stepId == "nudge" ? TemplateKind.Nudge : TemplateKind.Intro,
        AlsoToContactIds = alsoTo is null ? [] : [alsoTo],
    };

    private static OutreachTask Sent(OutreachTask task, string messageId) =>
        task.MoveTo(TaskState.Claimed).MoveTo(TaskState.Sent) with { MessageId = messageId, SentUtc = task.DueUtc };
}
