using Outreach.Core.Contacts;
using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Messaging.Tokens;
using Outreach.Core.Planning;
using Outreach.Core.Senders;

namespace Outreach.Core.Sending;

/// <summary>
/// Turns a task into the message SMTP sends: the template rendered for the contact and sender, a signed unsubscribe
/// link (HTTPS one-click and mailto), a signed <c>reply+</c> address naming the task, and the Message-ID the claim stored.
/// </summary>
public sealed class MessageComposer(TemplateRenderer renderer, SignedTokenService tokens, ReplyAddressTokens replyAddresses, SendingOptions options)
{
    /// <summary>The purpose of unsubscribe tokens (what the unsubscribe endpoint validates).</summary>
    public const string UnsubscribePurpose = "unsubscribe";

    /// <summary>
    /// The subject, text and HTML of <paramref name="task"/>'s message: exactly what <see cref="Compose"/> sends for an
    /// email task (same unsubscribe link at the same instant), and the copyable draft of a LinkedIn task, which has no
    /// unsubscribe link because the student sends it by hand.
    /// </summary>
    /// <exception cref="DomainException">The template does not render (code <c>template.*</c>).</exception>
    public RenderedMessage Render(OutreachTask task, Contact contact, SenderProfile sender, MessageTemplate template)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Channel == TaskChannel.Email
            ? RenderEmail(task.OwnerId, contact, sender, template)
            : Render(contact, sender, template, unsubscribe: null);
    }

    /// <summary>An email of <paramref name="template"/> to <paramref name="contact"/> as it would be sent now (a preview).</summary>
    /// <exception cref="DomainException">The template does not render (code <c>template.*</c>).</exception>
    public RenderedMessage RenderEmail(string ownerId, Contact contact, SenderProfile sender, MessageTemplate template) =>
        Render(contact, sender, template, UnsubscribeFor(ownerId, contact));

    /// <summary>The message for <paramref name="task"/>.</summary>
    /// <exception cref="DomainException">The template does not render (code <c>template.*</c>).</exception>
    /// <exception cref="ArgumentException">An address is not usable.</exception>
    public OutgoingMessage Compose(OutreachTask task, Contact contact, SenderProfile sender, MessageTemplate template, string messageId)
    {
        ArgumentNullException.ThrowIfNull(task);
        var unsubscribe = UnsubscribeFor(task.OwnerId, contact);
        var rendered = Render(contact, sender, template, unsubscribe);
        var builder = new OutgoingMessageBuilder()
            .From(sender.Email, sender.FullName)
            .To(contact.Email ?? throw new ArgumentException("The contact has no email address.", nameof(contact)), contact.FullName)
            .Content(rendered)
            .MessageId(messageId)
            .Unsubscribe(unsubscribe);
        if (!string.IsNullOrWhiteSpace(options.ReplyDomain))
        {
            // The task id is the reference: a reply to this address names the task even when the client drops In-Reply-To.
            builder.ReplyTo(replyAddresses.CreateAddress(task.TaskId.ToLowerInvariant(), options.ReplyDomain), sender.FullName);
        }

        return builder.Build();
    }

    private UnsubscribeLinks UnsubscribeFor(string ownerId, Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var token = tokens.Create(UnsubscribePurpose, ownerId, TokenSubjects.ForContact(contact.ContactId));
        return UnsubscribeLinks.For(options.PublicBaseUrl, token, options.UnsubscribeMailbox);
    }

    private RenderedMessage Render(Contact contact, SenderProfile sender, MessageTemplate template, UnsubscribeLinks? unsubscribe)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(sender);
        return renderer.Render(template, TemplateModel.ForContact(contact, sender.ToTemplateSender(), unsubscribe?.OneClick));
    }
}
