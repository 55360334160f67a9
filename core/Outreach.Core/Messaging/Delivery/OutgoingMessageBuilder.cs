using System.Text.RegularExpressions;
using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Messaging.Delivery;

/// <summary>
/// Builds an <see cref="OutgoingMessage"/>: <c>new OutgoingMessageBuilder().From(…).To(…).ReplyTo(…)
/// .Content(rendered).Unsubscribe(links).Build()</c>. Generates the Message-ID from the sender's domain unless one is
/// given, and refuses anything that could split or forge a header (CR/LF in values, custom headers that would
/// override the ones the message owns).
/// </summary>
public sealed partial class OutgoingMessageBuilder
{
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "To", "Cc", "Bcc", "Reply-To", "Subject", "Message-ID", "Date", "Sender", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "List-Unsubscribe", "List-Unsubscribe-Post",
    };

    private readonly List<EmailAddress> _to = [];
    private readonly List<EmailAddress> _cc = [];
    private readonly List<KeyValuePair<string, string>> _headers = [];
    private EmailAddress? _from;
    private readonly List<EmailAddress> _replyTo = [];
    private string? _subject;
    private string? _text;
    private string? _html;
    private string? _messageId;
    private UnsubscribeLinks? _unsubscribe;

    /// <summary>Sets the sender.</summary>
    public OutgoingMessageBuilder From(string address, string? displayName = null)
    {
        _from = new EmailAddress(address, displayName);
        return this;
    }

    /// <summary>Adds a recipient.</summary>
    public OutgoingMessageBuilder To(string address, string? displayName = null)
    {
        _to.Add(new EmailAddress(address, displayName));
        return this;
    }

    /// <summary>Adds a recipient in copy.</summary>
    public OutgoingMessageBuilder Cc(string address, string? displayName = null)
    {
        _cc.Add(new EmailAddress(address, displayName));
        return this;
    }

    /// <summary>Adds an address replies go to (a reply reaches every one added).</summary>
    public OutgoingMessageBuilder ReplyTo(string address, string? displayName = null)
    {
        _replyTo.Add(new EmailAddress(address, displayName));
        return this;
    }

    /// <summary>Sets subject, text and HTML from a rendered template.</summary>
    public OutgoingMessageBuilder Content(RenderedMessage rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        return Subject(rendered.Subject).Text(rendered.Text).Html(rendered.Html);
    }

    /// <summary>Sets the subject (one line).</summary>
    public OutgoingMessageBuilder Subject(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        RequireOneLine(subject, nameof(subject));
        _subject = subject;
        return this;
    }

    /// <summary>Sets the plain-text part.</summary>
    public OutgoingMessageBuilder Text(string text)
    {
        _text = text ?? throw new ArgumentNullException(nameof(text));
        return this;
    }

    /// <summary>Sets the HTML part.</summary>
    public OutgoingMessageBuilder Html(string html)
    {
        _html = html ?? throw new ArgumentNullException(nameof(html));
        return this;
    }

    /// <summary>Uses a Message-ID chosen by the caller (e.g. the one stored when the task was claimed).</summary>
    public OutgoingMessageBuilder MessageId(string messageId)
    {
        if (!MessageIds.IsValid(messageId))
        {
            throw new ArgumentException("A Message-ID looks like <left@right> in printable ASCII.", nameof(messageId));
        }

        _messageId = messageId;
        return this;
    }

    /// <summary>Sets the unsubscribe links.</summary>
    public OutgoingMessageBuilder Unsubscribe(UnsubscribeLinks links)
    {
        _unsubscribe = links ?? throw new ArgumentNullException(nameof(links));
        return this;
    }

    /// <summary>
    /// Threads the message under the messages sent before it: adds <c>In-Reply-To</c> and <c>References</c> from
    /// <paramref name="thread"/>, or nothing when it is null (the first message of a conversation).
    /// </summary>
    public OutgoingMessageBuilder Thread(ThreadHeaders? thread) =>
        thread is null ? this : Header("In-Reply-To", thread.InReplyTo).Header("References", thread.ReferencesHeader);

    /// <summary>Adds a custom header; names the message owns (From, Subject, Message-ID, List-Unsubscribe, …) are refused.</summary>
    public OutgoingMessageBuilder Header(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (name is null || !HeaderName().IsMatch(name))
        {
            throw new ArgumentException("A header name is printable ASCII without spaces or ':'.", nameof(name));
        }

        if (ReservedHeaders.Contains(name))
        {
            throw new ArgumentException($"'{name}' is set by the message itself, not as a custom header.", nameof(name));
        }

        RequireOneLine(value, nameof(value));
        _headers.Add(new(name, value));
        return this;
    }

    /// <summary>Checks and builds the message.</summary>
    /// <exception cref="InvalidOperationException">From, a recipient, the subject, the text or the HTML part is missing.</exception>
    public OutgoingMessage Build()
    {
        var from = _from ?? throw new InvalidOperationException("A message needs a sender: call From.");
        if (_to.Count == 0)
        {
            throw new InvalidOperationException("A message needs at least one recipient: call To.");
        }

        return new OutgoingMessage
        {
            From = from,
            To = [.. _to],
            Cc = [.. _cc],
            ReplyTo = [.. _replyTo],
            Subject = _subject ?? throw new InvalidOperationException("A message needs a subject."),
            Text = _text ?? throw new InvalidOperationException("A message needs a plain-text part."),
            Html = _html ?? throw new InvalidOperationException("A message needs an HTML part."),
            MessageId = _messageId ?? MessageIds.New(from.Domain),
            Unsubscribe = _unsubscribe,
            Headers = [.. _headers],
        };
    }

    private static void RequireOneLine(string value, string parameter)
    {
        if (value.Any(c => c is '\r' or '\n' or '\0'))
        {
            throw new ArgumentException("Header values must be one line (no CR, LF or NUL).", parameter);
        }
    }

    [GeneratedRegex("^[!-9;-~]+$")]
    private static partial Regex HeaderName();
}
