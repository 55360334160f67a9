using Outreach.Core.Contacts;
using Outreach.Core.Introductions;
using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Messaging.Tokens;
using Outreach.Core.Planning;
using Outreach.Core.Senders;

namespace Outreach.Core.Sending;

/// <summary>
/// Turns a task into the message SMTP sends: the template rendered for the contact and sender, a signed unsubscribe
/// link (HTTPS one-click and mailto), a signed <c>reply+</c> address naming the task, the Message-ID the claim stored, and
/// <c>In-Reply-To</c>/<c>References</c> naming the earlier emails of its sequence (<see cref="SequenceThread"/>); the
/// subject stays what the template wrote.
/// An introduction's message also names both people and the reason, goes to every contact of the task (A and B on the
/// introduction itself) with the introducer in copy when the task says so, and the consent ask carries B's signed
/// yes/no link. A message to both A and B carries each one's own unsubscribe link (<c>personA.unsubscribeUrl</c>,
/// <c>personB.unsubscribeUrl</c>) and no List-Unsubscribe header, which could only name one of them; when an edited
/// template leaves a link out, it is added in a footer (<see cref="UnsubscribeFooter"/>).
/// </summary>
public sealed class MessageComposer(
    TemplateRenderer renderer, SignedTokenService tokens, ReplyAddressTokens replyAddresses, ConsentLinks consentLinks, SendingOptions options)
{
    /// <summary>The purpose of unsubscribe tokens (what the unsubscribe endpoint validates).</summary>
    public const string UnsubscribePurpose = "unsubscribe";

    /// <summary>
    /// The subject, text and HTML of <paramref name="task"/>'s message: exactly what <see cref="Compose"/> sends for an
    /// email task (same unsubscribe link at the same instant), and the copyable draft of a LinkedIn task, which has no
    /// unsubscribe link because the student sends it by hand.
    /// </summary>
    /// <param name="task">The task.</param>
    /// <param name="contact">Its main recipient.</param>
    /// <param name="sender">The owner's sender profile.</param>
    /// <param name="template">The template resolved for the task's kind.</param>
    /// <param name="introduction">The introduction an introduction task is about; null for a campaign step.</param>
    /// <param name="withConsentLink">
    /// False for a reader who may not hold B's consent link: a consent ask then shows
    /// <see cref="TemplateModel.WithheldConsentLink"/> where the link goes (the sent ask always carries the link).
    /// </param>
    /// <exception cref="DomainException">The template does not render (code <c>template.*</c>).</exception>
    public RenderedMessage Render(
        OutreachTask task, Contact contact, SenderProfile sender, MessageTemplate template, IntroductionDetails? introduction = null, bool withConsentLink = true)
    {
        ArgumentNullException.ThrowIfNull(task);
        var unsubscribe = task.Channel == TaskChannel.Email && !ToSeveral(task) ? UnsubscribeFor(task.OwnerId, contact) : null;
        return Render(task, contact, sender, template, unsubscribe, introduction, withConsentLink);
    }

    /// <summary>An email of <paramref name="template"/> to <paramref name="contact"/> as it would be sent now (a preview).</summary>
    /// <exception cref="DomainException">The template does not render (code <c>template.*</c>).</exception>
    public RenderedMessage RenderEmail(string ownerId, Contact contact, SenderProfile sender, MessageTemplate template) =>
        Render(contact, sender, template, UnsubscribeFor(ownerId, contact));

    /// <summary>
    /// An email of <paramref name="template"/>, an introduction kind, for <paramref name="introduction"/> as it would be
    /// sent now (a preview): the consent ask to B, with B's yes/no link; the introduction to A and B, each with their own
    /// unsubscribe link; the nudge to A (the recipients <see cref="IntroductionWorkflow"/> sends each to).
    /// </summary>
    /// <param name="introduction">The introduction with both people.</param>
    /// <param name="sender">The owner's sender profile.</param>
    /// <param name="template">An introduction template.</param>
    /// <param name="withConsentLink">False for a reader who may not hold B's link: the ask shows <see cref="TemplateModel.WithheldConsentLink"/> instead.</param>
    /// <exception cref="DomainException">
    /// The template does not render (code <c>template.*</c>), or is a consent ask for an introduction that no longer
    /// awaits an answer (<c>introduction.consent-closed</c>).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">The template is not an introduction kind.</exception>
    public RenderedMessage RenderIntroductionEmail(IntroductionDetails introduction, SenderProfile sender, MessageTemplate template, bool withConsentLink = true)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        ArgumentNullException.ThrowIfNull(template);
        var (to, alsoTo) = template.Kind switch
        {
            TemplateKind.IntroAsk => (introduction.PersonB, Array.Empty<string>()),
            TemplateKind.Intro => (introduction.PersonA, [introduction.PersonB.ContactId]),
            TemplateKind.Nudge => (introduction.PersonA, []),
            _ => throw new ArgumentOutOfRangeException(nameof(template), template.Kind, "Not an introduction template."),
        };

        // The task the workflow would plan, as far as rendering looks at it (kind, channel, recipients).
        var task = new OutreachTask
        {
            TaskId = "preview",
            OwnerId = introduction.Introduction.OwnerId,
            ContactId = to.ContactId,
            AlsoToContactIds = alsoTo,
            CampaignId = "preview",
            StepId = "preview",
            IntroductionId = introduction.Introduction.IntroductionId,
            Template = template.Kind,
            Channel = TaskChannel.Email,
            DueUtc = introduction.Introduction.RequestedAt,
        };
        return Render(task, to, sender, template, introduction, withConsentLink);
    }

    /// <summary>
    /// The message for <paramref name="task"/>, an introduction's when <paramref name="introduction"/> is given, threaded
    /// (<c>In-Reply-To</c>, <c>References</c>) under the earlier messages of its sequence when <paramref name="thread"/> is given.
    /// </summary>
    /// <exception cref="DomainException">The template does not render (code <c>template.*</c>), or an introduction
    /// task names a contact that is not one of the introduction's two people (<c>introduction.unknown-recipient</c>) or
    /// asks for consent when the introduction no longer awaits it (<c>introduction.consent-closed</c>).</exception>
    /// <exception cref="ArgumentException">An address is not usable.</exception>
    public OutgoingMessage Compose(
        OutreachTask task,
        Contact contact,
        SenderProfile sender,
        MessageTemplate template,
        string messageId,
        IntroductionDetails? introduction = null,
        ThreadHeaders? thread = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(sender);

        // A message to both people of an introduction has no List-Unsubscribe header: it could name one of them only,
        // and whoever clicked it would stop notes to that one. Each has their own link in the body instead.
        var unsubscribe = ToSeveral(task) ? null : UnsubscribeFor(task.OwnerId, contact);
        var rendered = Render(task, contact, sender, template, unsubscribe, introduction, withConsentLink: true);
        var builder = new OutgoingMessageBuilder()
            .From(sender.Email, sender.FullName)
            .To(contact.Email ?? throw new ArgumentException("The contact has no email address.", nameof(contact)), DisplayName(contact))
            .Content(rendered)
            .MessageId(messageId)
            .Thread(thread);
        if (unsubscribe is not null)
        {
            builder.Unsubscribe(unsubscribe);
        }

        foreach (var also in AlsoTo(task, introduction))
        {
            builder.To(also.Email ?? throw new ArgumentException("A contact on the message has no email address.", nameof(task)), DisplayName(also));
        }

        if (task.CopyOwner)
        {
            builder.Cc(sender.Email, sender.FullName);
        }

        if (!string.IsNullOrWhiteSpace(options.ReplyDomain))
        {
            // The reply goes to both: the sender's own mailbox, where they read it and answer (the reply address only
            // reaches the app's inbound webhook, which keeps no mailbox), and the signed address, whose task id names the
            // task even when the client drops In-Reply-To.
            builder.ReplyTo(sender.Email, sender.FullName)
                .ReplyTo(replyAddresses.CreateAddress(task.TaskId.ToLowerInvariant(), options.ReplyDomain), sender.FullName);
        }

        return builder.Build();
    }

    private UnsubscribeLinks UnsubscribeFor(string ownerId, Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var token = tokens.Create(UnsubscribePurpose, ownerId, TokenSubjects.ForContact(contact.ContactId));
        return UnsubscribeLinks.For(options.PublicBaseUrl, token, options.UnsubscribeMailbox);
    }

    private static bool ToSeveral(OutreachTask task) => task.AlsoToContactIds.Count > 0;

    private static IEnumerable<Contact> AlsoTo(OutreachTask task, IntroductionDetails? introduction) =>
        task.AlsoToContactIds.Select(id => introduction?.Person(id) ?? throw new DomainException(
            "introduction.unknown-recipient", $"Task '{task.TaskId}' names a further recipient that is not part of its introduction.", "alsoToContactIds"));

    private RenderedMessage Render(
        OutreachTask task, Contact contact, SenderProfile sender, MessageTemplate template, UnsubscribeLinks? unsubscribe, IntroductionDetails? introduction,
        bool withConsentLink)
    {
        if (introduction is null)
        {
            return Render(contact, sender, template, unsubscribe);
        }

        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(sender);
        var details = sender.ToTemplateSender();

        // Checked either way, so an ask that can no longer be answered says so to every reader alike.
        var consentUrl = task.Template == TemplateKind.IntroAsk ? ConsentUrlFor(introduction.Introduction) : null;
        var model = TemplateModel.ForContact(contact, details, unsubscribe?.OneClick) with
        {
            Introducer = new PersonDetails { FirstName = details.FirstName, LastName = details.LastName },
            PersonA = Introduced(task, introduction.PersonA),
            PersonB = Introduced(task, introduction.PersonB),
            Reason = introduction.Introduction.Reason,
            ConsentUrl = withConsentLink ? consentUrl : null,
            ConsentUrlWithheld = consentUrl is not null && !withConsentLink,
        };
        var rendered = renderer.Render(template, model);
        return model.PersonA.UnsubscribeUrl is null ? rendered : UnsubscribeFooter.Ensure(rendered, [model.PersonA, model.PersonB!]);
    }

    /// <summary>Person A or B; with their own unsubscribe link on an email to both of them (never on one to the other alone).</summary>
    private PersonDetails Introduced(OutreachTask task, Contact person) =>
        task.Channel == TaskChannel.Email && ToSeveral(task)
            ? PersonDetails.From(person) with { UnsubscribeUrl = UnsubscribeFor(task.OwnerId, person).OneClick }
            : PersonDetails.From(person);

    private Uri ConsentUrlFor(Introduction introduction) =>
        consentLinks.For(introduction) ?? throw new DomainException(
            "introduction.consent-closed", $"Introduction '{introduction.IntroductionId}' no longer awaits an answer.", "introductionId");

    private RenderedMessage Render(Contact contact, SenderProfile sender, MessageTemplate template, UnsubscribeLinks? unsubscribe)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(sender);
        return renderer.Render(template, TemplateModel.ForContact(contact, sender.ToTemplateSender(), unsubscribe?.OneClick));
    }

    /// <summary>The recipient's name on the To line as the body greets them: one stored in capitals reads "Jane Smith", not "JANE SMITH".</summary>
    private static string? DisplayName(Contact contact)
    {
        var (first, last) = TemplateText.PersonName(contact.FirstName, contact.LastName);
        return TemplateText.JoinName(first, last);
    }
}
