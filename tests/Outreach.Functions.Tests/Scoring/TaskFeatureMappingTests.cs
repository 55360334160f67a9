using Outreach.Core.Contacts;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;
using Outreach.Core.Scoring.History;
using HistoryTemplateKind = Outreach.Core.Scoring.History.TemplateKind;
using TemplateKind = Outreach.Core.Messaging.Templates.TemplateKind;
using Outreach.Functions.Scoring;

namespace Outreach.Functions.Tests.Scoring;

public sealed class TaskFeatureMappingTests
{
    private static readonly DateOnly MetOn = new(2026, 3, 3);

    private static Contact ContactWith(IReadOnlyList<EventMet>? events = null, string? linkedIn = null, DateOnly? connectedOn = null) => new()
    {
        OwnerId = "ana",
        ContactId = "c1",
        Events = events ?? [],
        LinkedInUrl = linkedIn,
        ConnectedOn = connectedOn,
    };

    private static readonly DateOnly SendDate = new(2026, 3, 13);

    [Fact]
    public void Relationship_is_read_from_how_the_owner_met_the_contact()
    {
        Assert.Equal(Relationship.ClassVisit, TaskFeatureMapping.RelationshipOf(ContactWith([new EventMet("Fordham class visit", MetOn)]), SendDate));
        Assert.Equal(Relationship.Event, TaskFeatureMapping.RelationshipOf(ContactWith([new EventMet("Career fair", MetOn)]), SendDate));
        Assert.Equal(Relationship.MetInPerson, TaskFeatureMapping.RelationshipOf(ContactWith([new EventMet(null, MetOn)]), SendDate));
        Assert.Equal(Relationship.LinkedInOnly, TaskFeatureMapping.RelationshipOf(ContactWith(linkedIn: "https://www.linkedin.com/in/ana"), SendDate));
        Assert.Equal(Relationship.Cold, TaskFeatureMapping.RelationshipOf(ContactWith(), SendDate));
        Assert.Equal(Relationship.Other, TaskFeatureMapping.RelationshipOf(null, SendDate));
    }

    [Fact]
    public void A_meeting_after_the_send_does_not_change_how_the_sent_outreach_is_described()
    {
        // Connected on LinkedIn on 10 January, written to on 1 February, replied, then met at a career fair on
        // 20 March, which a later import added to the contact.
        var contact = ContactWith([new EventMet("Career fair", new DateOnly(2026, 3, 20))], "https://www.linkedin.com/in/someone", new DateOnly(2026, 1, 10));
        var task = new OutreachTask
        {
            TaskId = "t1", OwnerId = "ana", ContactId = "c1", CampaignId = "class-visit-follow-up", StepId = "thank-you",
            Template = TemplateKind.ThankYou, Channel = TaskChannel.Email, DueUtc = new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero),
        };

        var features = TaskFeatureMapping.For(task, contact, 1, task.DueUtc);

        Assert.Equal((Relationship.LinkedInOnly, (double?)22), (features.Relationship, features.DaysSinceMet));
    }

    [Fact]
    public void A_measured_message_is_described_by_its_statistics_and_an_unmeasured_one_as_unknown()
    {
        var task = new OutreachTask
        {
            TaskId = "t1", OwnerId = "ana", ContactId = "c1", CampaignId = "class-visit-follow-up", StepId = "thank-you",
            Template = TemplateKind.ThankYou, Channel = TaskChannel.Email, DueUtc = new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero),
        };

        var measured = TaskFeatureMapping.For(task with { MessageStats = new(WordCount: 92, QuestionCount: 1, PersonalNoteChars: 31) }, ContactWith(), 1, task.DueUtc);
        var unmeasured = TaskFeatureMapping.For(task, ContactWith(), 1, task.DueUtc);

        Assert.Equal(((int?)92, (int?)1, (int?)31), (measured.WordCount, measured.QuestionCount, measured.PersonalNoteChars));
        Assert.Equal(((int?)null, (int?)null, (int?)null), (unmeasured.WordCount, unmeasured.QuestionCount, unmeasured.PersonalNoteChars));
    }

    [Fact]
    public void A_connection_made_after_the_send_leaves_the_contact_cold_then()
    {
        var contact = ContactWith(linkedIn: "https://www.linkedin.com/in/ana", connectedOn: new DateOnly(2026, 3, 20));

        Assert.Equal((Relationship.Cold, (double?)null), (TaskFeatureMapping.RelationshipOf(contact, SendDate), TaskFeatureMapping.DaysSinceMet(contact, SendDate)));
    }

    [Fact]
    public void Days_since_met_count_from_the_last_meeting_else_the_connection_and_are_unknown_in_the_future()
    {
        var sendDate = SendDate;

        Assert.Equal(10, TaskFeatureMapping.DaysSinceMet(ContactWith([new EventMet("Career fair", new DateOnly(2026, 1, 1)), new EventMet("Class visit", MetOn)]), sendDate));
        Assert.Equal(71, TaskFeatureMapping.DaysSinceMet(ContactWith([new EventMet("Career fair", new DateOnly(2026, 1, 1)), new EventMet("Class visit", new DateOnly(2026, 3, 20))]), sendDate));
        Assert.Equal(12, TaskFeatureMapping.DaysSinceMet(ContactWith(connectedOn: new DateOnly(2026, 3, 1)), sendDate));
        Assert.Null(TaskFeatureMapping.DaysSinceMet(ContactWith([new EventMet("Class visit", new DateOnly(2026, 3, 14))]), sendDate));
        Assert.Null(TaskFeatureMapping.DaysSinceMet(ContactWith(), sendDate));
    }

    [Fact]
    public void A_task_becomes_the_features_it_is_sent_with_in_the_senders_local_time()
    {
        var task = new OutreachTask
        {
            TaskId = "t1", OwnerId = "ana", ContactId = "c1", CampaignId = "class-visit-follow-up", StepId = "follow-up",
            Template = TemplateKind.Nudge, Channel = TaskChannel.LinkedIn, DueUtc = new DateTimeOffset(2026, 3, 13, 9, 0, 0, TimeSpan.Zero),
        };
        var contact = ContactWith([new EventMet("Class visit", MetOn)]) with { Position = "VP Engineering", Offer = "an intro to my lab" };
        var local = new DateTimeOffset(2026, 3, 13, 4, 0, 0, TimeSpan.FromHours(-5));

        var features = TaskFeatureMapping.For(task, contact, 2, local);

        Assert.Equal(
            new OutreachFeatures
            {
                RecipientPosition = "VP Engineering", Relationship = Relationship.ClassVisit, DaysSinceMet = 10, Step = 2,
                Channel = Channel.LinkedIn, TemplateKind = HistoryTemplateKind.FollowUp, OffersHelp = true, SentAt = local,
            },
            features);
    }

    [Fact]
    public void A_sent_task_is_described_by_its_recipient_and_message_as_they_were_when_it_went_out()
    {
        // Sent to an associate with a plain thank-you; after the reply, a later import gave the contact a new title and
        // the student noted an offer. The history row must describe what was sent, not what the contact became.
        var task = new OutreachTask
        {
            TaskId = "t1", OwnerId = "ana", ContactId = "c1", CampaignId = "class-visit-follow-up", StepId = "thank-you",
            Template = TemplateKind.ThankYou, Channel = TaskChannel.Email, DueUtc = new DateTimeOffset(2026, 3, 13, 9, 0, 0, TimeSpan.Zero),
            State = TaskState.Sent, SentUtc = new DateTimeOffset(2026, 3, 13, 9, 0, 0, TimeSpan.Zero),
            MessageStats = new MessageStats(60, 1, 0, OffersHelp: false), RecipientAtSend = new RecipientAtSend("Associate"),
        };
        var now = ContactWith() with { Position = "Chief Executive Officer", Offer = "an intro to my lab" };

        var sent = TaskFeatureMapping.For(task, now, 1, task.DueUtc);
        var recordedWithoutTitle = TaskFeatureMapping.For(task with { RecipientAtSend = new RecipientAtSend(null) }, now, 1, task.DueUtc);
        var measuredBeforeRecording = TaskFeatureMapping.For(task with { MessageStats = new MessageStats(60, 1, 0), RecipientAtSend = null }, now, 1, task.DueUtc);

        Assert.Equal(("Associate", false), (sent.RecipientPosition, sent.OffersHelp));
        Assert.Null(recordedWithoutTitle.RecipientPosition);
        Assert.Equal(("Chief Executive Officer", true), (measuredBeforeRecording.RecipientPosition, measuredBeforeRecording.OffersHelp));
    }

    [Theory]
    [InlineData(TemplateKind.ThankYou, HistoryTemplateKind.ThankYou)]
    [InlineData(TemplateKind.FollowUp, HistoryTemplateKind.FollowUp)]
    [InlineData(TemplateKind.GiveFirst, HistoryTemplateKind.GiveFirst)]
    [InlineData(TemplateKind.StayInTouch, HistoryTemplateKind.StayInTouch)]
    [InlineData(TemplateKind.IntroAsk, HistoryTemplateKind.IntroAsk)]
    [InlineData(TemplateKind.Intro, HistoryTemplateKind.Intro)]
    [InlineData(TemplateKind.Nudge, HistoryTemplateKind.FollowUp)]
    public void Every_message_kind_maps_to_its_history_kind(TemplateKind kind, HistoryTemplateKind expected) =>
        Assert.Equal(expected, TaskFeatureMapping.TemplateKindOf(kind));
}
