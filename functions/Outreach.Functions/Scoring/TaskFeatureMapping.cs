using Outreach.Core.Contacts;
using Outreach.Core.Planning;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Scoring.History;
using HistoryTemplateKind = Outreach.Core.Scoring.History.TemplateKind;
using TemplateKind = Outreach.Core.Messaging.Templates.TemplateKind;

namespace Outreach.Functions.Scoring;

/// <summary>
/// How a task and its contact become the response model's <see cref="OutreachFeatures"/>: the one derivation both the
/// history export (training rows) and the scorer (pending tasks) use, so a model is scored on what it was trained on.
/// </summary>
/// <remarks>
/// Message statistics (word count, questions, personal-note length) come from <see cref="OutreachTask.MessageStats"/>:
/// measured by the sender on the email it sent (the history) or on the draft when a pending task is scored. A task whose
/// message was never measured (sent before the statistics were stored) leaves all three unknown (null: each at its
/// training mean, never named as a reason, so an explanation says nothing about a message nobody read). Offering help is
/// whether the measured message carried the contact's <see cref="Contact.Offer"/> (<see cref="MessageStats.OffersHelp"/>),
/// and the recipient's position is the one they had when it went out (<see cref="OutreachTask.RecipientAtSend"/>): an
/// offer or a job title added after the reply must not describe the message that earned it. Only a message measured
/// before these were recorded reads them from the contact as it is now.
/// </remarks>
internal static class TaskFeatureMapping
{
    /// <summary>The features of <paramref name="task"/> sent (or to be sent) at <paramref name="sendAtLocal"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="contact">Its recipient, or null when erased or never imported.</param>
    /// <param name="step">1 for the campaign's first step, 2 for the next, and so on.</param>
    /// <param name="sendAtLocal">The send time in the sender's zone, with its offset.</param>
    public static OutreachFeatures For(OutreachTask task, Contact? contact, int step, DateTimeOffset sendAtLocal)
    {
        var sendDate = DateOnly.FromDateTime(sendAtLocal.DateTime);
        return new()
        {
            // As the recipient was, and as the message read, when it went out (recorded since); else as they are now.
            RecipientPosition = task.RecipientAtSend is { } recipient ? recipient.Position : contact?.Position,
            Relationship = RelationshipOf(contact, sendDate),
            DaysSinceMet = DaysSinceMet(contact, sendDate),
            Step = Math.Max(1, step),
            Channel = task.Channel == TaskChannel.LinkedIn ? Channel.LinkedIn : Channel.Email,
            TemplateKind = TemplateKindOf(task.Template),
            OffersHelp = task.MessageStats?.OffersHelp ?? !string.IsNullOrWhiteSpace(contact?.Offer),
            WordCount = task.MessageStats?.WordCount,
            QuestionCount = task.MessageStats?.QuestionCount,
            PersonalNoteChars = task.MessageStats?.PersonalNoteChars,
            SentAt = sendAtLocal,
        };
    }

    /// <summary>
    /// How the owner knew the contact on <paramref name="sendDate"/>: an occasion whose name says "class" is a class
    /// visit, another named occasion an event, an occasion without a name a meeting in person; no occasion but a
    /// LinkedIn connection is LinkedIn only; nothing at all is cold. A missing contact is <see cref="Relationship.Other"/>.
    /// </summary>
    /// <remarks>
    /// Only what was known by the send date counts: a meeting or connection dated after it (often the fruit of a reply,
    /// imported later) would describe a training row with its own outcome. An undated occasion counts, as its date is
    /// unknown; a LinkedIn profile without a connection date counts as connected.
    /// </remarks>
    public static Relationship RelationshipOf(Contact? contact, DateOnly sendDate)
    {
        if (contact is null)
        {
            return Relationship.Other;
        }

        if (LastMetBy(contact, sendDate) is { } met)
        {
            return met.Name switch
            {
                { } name when name.Contains("class", StringComparison.OrdinalIgnoreCase) => Relationship.ClassVisit,
                { Length: > 0 } => Relationship.Event,
                _ => Relationship.MetInPerson,
            };
        }

        var connected = contact.ConnectedOn is { } on ? on <= sendDate : contact.LinkedInUrl is not null;
        return connected ? Relationship.LinkedInOnly : Relationship.Cold;
    }

    /// <summary>
    /// Whole days from the last meeting on or before <paramref name="sendDate"/> (else the LinkedIn connection, if made
    /// by then) to <paramref name="sendDate"/>; null when unknown.
    /// </summary>
    public static double? DaysSinceMet(Contact? contact, DateOnly sendDate)
    {
        if (contact is null)
        {
            return null;
        }

        var since = LastMetBy(contact, sendDate)?.MetOn ?? (contact.ConnectedOn <= sendDate ? contact.ConnectedOn : null);
        return since is { } date ? sendDate.DayNumber - date.DayNumber : null;
    }

    /// <summary>The latest dated occasion on or before <paramref name="sendDate"/>, else the last undated one, else null.</summary>
    private static EventMet? LastMetBy(Contact contact, DateOnly sendDate) =>
        contact.Events.Where(e => e.MetOn <= sendDate).MaxBy(e => e.MetOn) ?? contact.Events.LastOrDefault(e => e.MetOn is null);

    /// <summary>The history vocabulary's kind (same names; a nudge is a follow-up).</summary>
    public static HistoryTemplateKind TemplateKindOf(TemplateKind kind) => kind switch
    {
        TemplateKind.ThankYou => HistoryTemplateKind.ThankYou,
        TemplateKind.FollowUp or TemplateKind.Nudge => HistoryTemplateKind.FollowUp,
        TemplateKind.GiveFirst => HistoryTemplateKind.GiveFirst,
        TemplateKind.StayInTouch => HistoryTemplateKind.StayInTouch,
        TemplateKind.IntroAsk => HistoryTemplateKind.IntroAsk,
        TemplateKind.Intro => HistoryTemplateKind.Intro,
        _ => HistoryTemplateKind.Other,
    };
}
