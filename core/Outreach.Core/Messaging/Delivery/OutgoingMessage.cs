namespace Outreach.Core.Messaging.Delivery;

/// <summary>
/// A message ready for a transport: addresses, a one-line subject, a text and an HTML part, its own Message-ID
/// (known before sending), unsubscribe links and any extra headers. Built and checked by
/// <see cref="OutgoingMessageBuilder"/>; transports render it as multipart/alternative, text first.
/// </summary>
public sealed record OutgoingMessage
{
    internal OutgoingMessage()
    {
    }

    /// <summary>The sender.</summary>
    public required EmailAddress From { get; init; }

    /// <summary>The recipients (one for a note, two for an introduction).</summary>
    public required IReadOnlyList<EmailAddress> To { get; init; }

    /// <summary>
    /// Where replies go: empty for <see cref="From"/>; else every address a reply is to reach (the sender's mailbox and a
    /// signed reply address, so the person reads the reply and the app sees it).
    /// </summary>
    public IReadOnlyList<EmailAddress> ReplyTo { get; init; } = [];

    /// <summary>Recipients in copy (the introducer on an introduction); usually empty.</summary>
    public IReadOnlyList<EmailAddress> Cc { get; init; } = [];

    /// <summary>One line, no CR/LF.</summary>
    public required string Subject { get; init; }

    /// <summary>The plain-text part.</summary>
    public required string Text { get; init; }

    /// <summary>The HTML part.</summary>
    public required string Html { get; init; }

    /// <summary><c>&lt;random@sender-domain&gt;</c>, set before sending.</summary>
    public required string MessageId { get; init; }

    /// <summary>The unsubscribe routes, written as <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c>; null for none.</summary>
    public UnsubscribeLinks? Unsubscribe { get; init; }

    /// <summary>Extra headers (e.g. <c>In-Reply-To</c>, <c>References</c>, <c>X-Outreach-Task</c>), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Every header the transports write beyond From/To/Reply-To/Subject: Message-ID, unsubscribe headers, then <see cref="Headers"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> ExtraHeaders()
    {
        yield return new("Message-ID", MessageId);
        if (Unsubscribe is not null)
        {
            yield return new("List-Unsubscribe", Unsubscribe.ListUnsubscribeHeader);
            yield return new("List-Unsubscribe-Post", UnsubscribeLinks.ListUnsubscribePostHeader);
        }

        foreach (var header in Headers)
        {
            yield return header;
        }
    }
}
