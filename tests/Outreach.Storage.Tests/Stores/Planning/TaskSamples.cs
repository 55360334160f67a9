using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Storage.Tests.Stores.Planning;

/// <summary>Tasks for store tests: one with every optional property set, and plain ones.</summary>
internal static class TaskSamples
{
    public static readonly DateTimeOffset Now = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

    public static OutreachTask Full(string ownerId = "student/1|a") => new()
    {
        TaskId = "0123456789abcdef0123456789abcdef",
        OwnerId = ownerId,
        ContactId = "contact-7",
        CampaignId = "class-visit",
        StepId = "thank-you",
        IntroductionId = "intro-3",
        AlsoToContactIds = ["contact-8", "contact-9"],
        CopyOwner = true,
        Template = TemplateKind.Intro,
        TemplateName = "intro-v2",
        EmailKey = "ada/lovelace#1@example.org",
        MeetingOn = new DateOnly(2026, 3, 6),
        MeetingEvent = "Career fair",
        Channel = TaskChannel.Email,
        Condition = StepCondition.Always,
        DueUtc = new DateTimeOffset(2026, 3, 9, 10, 15, 30, 123, TimeSpan.FromHours(2)).AddTicks(4567),
        State = TaskState.Queued,
        Score = 0.0712345678901234,
        ScoreModelId = "model-7",
        ScoredForUtc = new DateTimeOffset(2026, 3, 9, 10, 0, 0, 250, TimeSpan.FromHours(2)).AddTicks(1234),
        MessageStats = new MessageStats(WordCount: 87, QuestionCount: 1, PersonalNoteChars: 24, OffersHelp: true),
        RecipientAtSend = new RecipientAtSend("Head of Talent"),
        SkipReason = "replied",
        SendAtUtc = new DateTimeOffset(2026, 3, 9, 10, 20, 0, 500, TimeSpan.FromHours(2)).AddTicks(89),
        LostSendRequeues = 1,
    };

    public static OutreachTask Plain(string taskId, string contactId, DateTimeOffset dueUtc, string ownerId = "student-1") => new()
    {
        TaskId = taskId,
        OwnerId = ownerId,
        ContactId = contactId,
        CampaignId = "class-visit",
        StepId = "follow-up",
        Template = TemplateKind.FollowUp,
        Channel = TaskChannel.Email,
        DueUtc = dueUtc,
    };
}
