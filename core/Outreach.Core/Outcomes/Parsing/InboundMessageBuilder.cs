using Outreach.Core.Messaging.Delivery;

namespace Outreach.Core.Outcomes;

/// <summary>
/// Turns what a payload reader found (a header collection plus the service's own named fields) into an
/// <see cref="InboundMessage"/>. Named fields win over headers because services decode them (charset,
/// encoded words); headers fill whatever a service leaves out. Enforces the body limits.
/// </summary>
internal sealed class InboundMessageBuilder(MailHeaders headers, InboundLimits limits)
{
    public string? From { get; set; }

    /// <summary>An already-structured author (Postmark's FromFull), used before <see cref="From"/>.</summary>
    public EmailAddress? FromAddress { get; set; }

    public string? To { get; set; }

    public string? Cc { get; set; }

    public List<string> Envelope { get; } = [];

    public string? Subject { get; set; }

    public string? MessageId { get; set; }

    public string? InReplyTo { get; set; }

    public string? References { get; set; }

    public string? Text { get; set; }

    public string? StrippedText { get; set; }

    public string? Html { get; set; }

    public string? Date { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    public InboundMessage Build(TimeProvider time)
    {
        InboundLimits.EnsureWithin(headers.Count, limits.MaxHeaderCount, "headers", "header fields");
        var text = Text ?? string.Empty;
        InboundLimits.EnsureWithin(text.Length, limits.MaxTextChars, "text", "characters");
        InboundLimits.EnsureWithin(StrippedText?.Length ?? 0, limits.MaxTextChars, "strippedText", "characters");
        InboundLimits.EnsureWithin(Html?.Length ?? 0, limits.MaxHtmlChars, "html", "characters");

        var date = Pick(Date, "Date");
        var deliveredTo = Envelope
            .Concat(headers.GetAll("Delivered-To"))
            .Concat(headers.GetAll("X-Original-To"))
            .Concat(headers.GetAll("Envelope-To"))
            .SelectMany(AddressListParser.Parse)
            .DistinctBy(a => a.Key)
            .ToList();

        return new InboundMessage
        {
            From = FromAddress ?? AddressListParser.ParseFirst(Pick(From, "From")),
            To = AddressListParser.Parse(Pick(To, "To")),
            Cc = AddressListParser.Parse(Pick(Cc, "Cc")),
            DeliveredTo = deliveredTo,
            Subject = EncodedWords.Decode(Pick(Subject, "Subject")).Trim(),
            MessageId = MessageIds.ParseList(Pick(MessageId, "Message-ID")) is [var id, ..] ? id : null,
            InReplyTo = MessageIds.ParseList(Pick(InReplyTo, "In-Reply-To")),
            References = MessageIds.ParseList(Pick(References, "References")),
            Text = text,
            StrippedText = string.IsNullOrWhiteSpace(StrippedText) ? null : StrippedText,
            Html = string.IsNullOrEmpty(Html) ? null : Html,
            DateHeader = date,
            SentAt = MailDate.TryParse(date),
            ReceivedAt = ReceivedAt ?? time.GetUtcNow(),
            Headers = headers,
        };
    }

    private string? Pick(string? field, string header) =>
        string.IsNullOrWhiteSpace(field) ? headers.Get(header) : field;
}
