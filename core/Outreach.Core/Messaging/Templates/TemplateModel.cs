using Outreach.Core.Contacts;

namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// Everything a template can print for one message (see <see cref="TemplateVariables"/> for the names).
/// The recipient's fields are top level (<c>{{firstName}}</c>); the sender, the meeting and the people of an
/// introduction are groups (<c>{{sender.fullName}}</c>, <c>{{event.metOn}}</c>, <c>{{personA.firstName}}</c>).
/// Blank values count as missing, so <c>{{#if topic}}</c> and <c>{{default topic "…"}}</c> fall back.
/// </summary>
public sealed record TemplateModel
{
    /// <summary>
    /// What <c>{{consentUrl}}</c> prints in a preview for someone who may not hold B's link (whoever holds it can answer
    /// yes for B): the text still reads as the ask will, and nobody mistakes it for a link that works.
    /// </summary>
    public const string WithheldConsentLink = "[consent link: shown to the sender only]";

    /// <summary>The recipient: names, company, position and profile print at top level (<c>{{firstName}}</c>).</summary>
    public PersonDetails Recipient { get; init; } = new();

    /// <summary>A short phrase for what was talked about, to sit inside a sentence ("about {{topic}}").</summary>
    public string? Topic { get; init; }

    /// <summary>The sender's full notes about the conversation.</summary>
    public string? Notes { get; init; }

    /// <summary>
    /// What the sender can offer, as a verb phrase ("send you our class survey on fintech hiring"). <c>{{offer}}</c> prints
    /// the latest of several appended offers, on one line, without a lead-in ("Happy to …"), a leading capital or a final
    /// full stop, since templates put it inside their own sentence.
    /// </summary>
    public string? Offer { get; init; }

    /// <summary>Recipient's tags (<c>{{#each tags}}</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The recipient's one-click unsubscribe link; null on a message to both people of an introduction, where each has their own (<c>personA.unsubscribeUrl</c>, <c>personB.unsubscribeUrl</c>).</summary>
    public Uri? UnsubscribeUrl { get; init; }

    /// <summary>Who the message is from.</summary>
    public required SenderDetails Sender { get; init; }

    /// <summary>Where and when they met.</summary>
    public MeetingDetails? Event { get; init; }

    /// <summary>Who makes an introduction (often the sender, sometimes a coach).</summary>
    public PersonDetails? Introducer { get; init; }

    /// <summary>The person being introduced (who asked for the introduction).</summary>
    public PersonDetails? PersonA { get; init; }

    /// <summary>The person A is introduced to (asked for consent first).</summary>
    public PersonDetails? PersonB { get; init; }

    /// <summary>Why the two should meet, as a clause ("you both work on B2B pricing"); <c>{{reason}}</c> prints it on one line without a leading "because", a leading capital or a final full stop.</summary>
    public string? Reason { get; init; }

    /// <summary>B's signed yes/no link on an introduction's consent ask; null on every other message.</summary>
    public Uri? ConsentUrl { get; init; }

    /// <summary>True on a preview of a consent ask for someone who may not see B's link: <c>{{consentUrl}}</c> prints <see cref="WithheldConsentLink"/>.</summary>
    public bool ConsentUrlWithheld { get; init; }

    /// <summary>
    /// The model for a note to <paramref name="contact"/>: names, company, position and profile from the contact,
    /// the latest meeting as the event, its notes as <see cref="Notes"/> and their first line as <see cref="Topic"/>.
    /// </summary>
    public static TemplateModel ForContact(Contact contact, SenderDetails sender, Uri? unsubscribeUrl = null)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(sender);
        var met = contact.LastMet;
        return new TemplateModel
        {
            Recipient = PersonDetails.From(contact),
            Topic = TemplateText.TopicFrom(contact.Notes),
            Notes = contact.Notes,
            Offer = contact.Offer,
            Tags = contact.Tags,
            UnsubscribeUrl = unsubscribeUrl,
            Sender = sender,
            Event = met is null ? null : new MeetingDetails(met.Name, met.MetOn),
        };
    }

    /// <summary>The nested dictionaries Handlebars renders from; keys are exactly <see cref="TemplateVariables.All"/>.</summary>
    internal Dictionary<string, object?> ToData()
    {
        var data = Recipient.ToData();
        data["topic"] = TemplateText.Clean(Topic);
        data["notes"] = TemplateText.Clean(Notes);
        data["offer"] = TemplateText.OfferPhrase(Offer);
        data["tags"] = Tags.Select(TemplateText.Clean).OfType<string>().ToArray();
        data["unsubscribeUrl"] = UnsubscribeUrl?.AbsoluteUri;
        data["sender"] = Sender.ToData();
        data["event"] = (Event ?? new MeetingDetails(null, null)).ToData();
        data["introducer"] = (Introducer ?? new PersonDetails()).ToData();
        data["personA"] = (PersonA ?? new PersonDetails()).ToIntroducedData();
        data["personB"] = (PersonB ?? new PersonDetails()).ToIntroducedData();
        data["reason"] = TemplateText.ReasonClause(Reason);
        data["consentUrl"] = ConsentUrlWithheld ? WithheldConsentLink : ConsentUrl?.AbsoluteUri;
        return data;
    }
}
