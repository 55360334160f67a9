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
/// Message statistics (word count, questions, personal-note length) are not stored when a message is sent, so they are
/// left unknown: word count missing (the model imputes its training median), no questions, no note. Offering help is
/// read from the contact's <see cref="Contact.Offer"/>, which the templates put into the message.
/// </remarks>
internal static class TaskFeatureMapping
{
    /// <summary>The features of <paramref name="task"/> sent (or to be sent) at <paramref name="sendAtLocal"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="contact">Its recipient, or null when erased or never imported.</param>
    /// <param name="step">1 for the campaign's first step, 2 for the next, and so on.</param>
    /// <param name="sendAtLocal">The send time in the sender's zone, with its offset.</param>
    public static OutreachFeatures For(OutreachTask task, Contact? contact, int step, DateTimeOffset sendAtLocal) => new()
    {
        RecipientPosition = contact?.Position,
        Relationship = RelationshipOf(contact),
        DaysSinceMet = DaysSinceMet(contact, DateOnly.FromDateTime(sendAtLocal.DateTime)),
        Step = Math.Max(1, step),
        Channel = task.Channel == TaskChannel.LinkedIn ? Channel.LinkedIn : Channel.Email,
        TemplateKind = TemplateKindOf(task.Template),
        OffersHelp = !string.IsNullOrWhiteSpace(contact?.Offer),
        SentAt = sendAtLocal,
    };

    /// <summary>
    /// How the owner knows the contact: an occasion whose name says "class" is a class visit, another named occasion an
    /// event, a dated occasion without a name a meeting in person; no occasion but a LinkedIn connection is LinkedIn
    /// only; nothing at all is cold. A missing contact is <see cref="Relationship.Other"/>.
    /// </summary>
    public static Relationship RelationshipOf(Contact? contact)
    {
        if (contact is null)
        {
            return Relationship.Other;
        }

        if (contact.LastMet is { } met)
        {
            return met.Name switch
            {
                { } name when name.Contains("class", StringComparison.OrdinalIgnoreCase) => Relationship.ClassVisit,
                { Length: > 0 } => Relationship.Event,
                _ => Relationship.MetInPerson,
            };
        }

        return contact.LinkedInUrl is not null || contact.ConnectedOn is not null ? Relationship.LinkedInOnly : Relationship.Cold;
    }

    /// <summary>Whole days from the last meeting (else the LinkedIn connection) to <paramref name="sendDate"/>; null when unknown or in the future.</summary>
    public static double? DaysSinceMet(Contact? contact, DateOnly sendDate)
    {
        var since = contact?.LastMet?.MetOn ?? contact?.ConnectedOn;
        return since is { } date && date <= sendDate ? sendDate.DayNumber - date.DayNumber : null;
    }

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
