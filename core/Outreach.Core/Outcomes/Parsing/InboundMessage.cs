using Outreach.Core.Messaging.Delivery;

namespace Outreach.Core.Outcomes;

/// <summary>
/// One received email as Outreach sees it, whichever inbound service delivered it (see
/// <see cref="InboundPayloadParser"/> and <c>Outcomes/README.md</c>). Message ids are normalised
/// (<see cref="MessageIds.Normalize"/>), the subject and display names are decoded. Holds personal data:
/// never log it or put it in an exception message.
/// </summary>
public sealed record InboundMessage
{
    /// <summary>The author (From), or null when the message had none (some bounces use <c>From: &lt;&gt;</c>).</summary>
    public EmailAddress? From { get; init; }

    /// <summary>The To recipients.</summary>
    public IReadOnlyList<EmailAddress> To { get; init; } = [];

    /// <summary>The Cc recipients.</summary>
    public IReadOnlyList<EmailAddress> Cc { get; init; } = [];

    /// <summary>Envelope recipients (Delivered-To, X-Original-To, the service's envelope), where a reply token survives header rewriting.</summary>
    public IReadOnlyList<EmailAddress> DeliveredTo { get; init; } = [];

    /// <summary>The decoded subject ("" when absent).</summary>
    public string Subject { get; init; } = string.Empty;

    /// <summary>This message's own id, normalised, or null.</summary>
    public string? MessageId { get; init; }

    /// <summary>The ids in In-Reply-To, normalised (usually one).</summary>
    public IReadOnlyList<string> InReplyTo { get; init; } = [];

    /// <summary>The ids in References, normalised, oldest first as written.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The plain-text body ("" when absent).</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>The reply with quoted history removed, when the inbound service provides it.</summary>
    public string? StrippedText { get; init; }

    /// <summary>The HTML body, or null.</summary>
    public string? Html { get; init; }

    /// <summary>The raw Date header, kept verbatim because the dedupe key hashes it.</summary>
    public string? DateHeader { get; init; }

    /// <summary>The Date header parsed, or null.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>When Outreach (or its inbound service) received the message.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>All header fields, in order (empty when the payload carried none).</summary>
    public MailHeaders Headers { get; init; } = MailHeaders.Empty;
}
