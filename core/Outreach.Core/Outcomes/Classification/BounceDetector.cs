using System.Text.RegularExpressions;
using Outreach.Core.Messaging.Delivery;

namespace Outreach.Core.Outcomes;

/// <summary>
/// Recognises delivery-status notifications (Postfix, Exim, Exchange NDRs, Gmail's mailer-daemon) and
/// reads what they say: which recipients failed (structured DSN fields first, else the prose of Postfix, Gmail, Exchange
/// and Exchange Online), hard, soft or a policy refusal (5.7.x: <see cref="BounceSeverity.Policy"/>), and which of our
/// messages bounced.
/// Recognition needs one of: <c>multipart/report; report-type=delivery-status</c>, <c>X-Failed-Recipients</c>,
/// a <c>MAILER-DAEMON@</c>/<c>postmaster@</c> sender, or a subject that starts like a bounce.
/// </summary>
public static partial class BounceDetector
{
    /// <summary>The signals that fired; empty when the message is not a bounce.</summary>
    public static IReadOnlyList<string> Signals(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var signals = new List<string>();
        if (ContentTypes.IsReport(message.Headers, "delivery-status"))
        {
            signals.Add("content-type:delivery-status");
        }

        if (message.Headers.Contains("X-Failed-Recipients"))
        {
            signals.Add("header:X-Failed-Recipients");
        }

        if (message.From is { } from && from.LocalPart.ToUpperInvariant() is "MAILER-DAEMON" or "POSTMASTER")
        {
            signals.Add("from:mailer-daemon");
        }

        if (SubjectPatterns.BouncePrefixes.StartsAny(message.Subject))
        {
            signals.Add("subject:bounce-prefix");
        }

        return signals;
    }

    /// <summary>Reads the notification. Call only for messages <see cref="Signals"/> recognised.</summary>
    public static BounceReport Read(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (severity, status) = Severity(message);
        return new BounceReport(FailedRecipients(message), severity, status, OriginalMessageId(message));
    }

    private static List<string> FailedRecipients(InboundMessage message)
    {
        var text = message.Text;

        // Original-Recipient is the address we handed over; Final-Recipient may be an alias it expanded to.
        var structured = message.Headers.GetAll("X-Failed-Recipients").SelectMany(AddressListParser.Parse).Select(a => a.Key)
            .Concat(DsnRecipient().Matches(text).OrderBy(m => m.Groups["field"].Value.StartsWith('O') ? 0 : 1).Select(m => m.Groups["address"].Value))
            .Where(EmailAddress.IsPlausible)
            .Select(a => a.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (structured.Count > 0)
        {
            return structured;
        }

        // Human-readable parts only, for services that pass on just the first text part.
        return PostfixRecipient().Matches(text).Concat(GmailRecipient().Matches(text)).Concat(ExchangeRecipient().Matches(text))
            .Concat(ExchangeOnlineRecipient().Matches(text)).Concat(ExchangeOnlineDetails().Matches(text))
            .Select(m => m.Groups["address"].Value.ToLowerInvariant())
            .Where(EmailAddress.IsPlausible)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static (BounceSeverity Severity, string? Status) Severity(InboundMessage message)
    {
        var text = message.Text;
        var status = DsnStatus().Match(text) is { Success: true } dsn ? dsn.Groups["code"].Value
            : EnhancedStatus().Match(text) is { Success: true } enhanced ? enhanced.Groups["code"].Value
            : SmtpReplyCode().Match(text) is { Success: true } basic ? basic.Groups["code"].Value
            : null;
        if (status is not null)
        {
            return (status[0] != '5' ? BounceSeverity.Soft : EnhancedStatusCodes.BlamesSender(status) ? BounceSeverity.Policy : BounceSeverity.Hard, status);
        }

        // No code at all: never suppress an address on a guess.
        return (BounceSeverity.Soft, null);
    }

    private static string? OriginalMessageId(InboundMessage message)
    {
        // The notification's body quotes the original headers (text/rfc822-headers); its own headers are not in the body.
        if (QuotedMessageId().Match(message.Text) is { Success: true } quoted
            && MessageIds.ParseList(quoted.Groups["id"].Value) is [var id, ..])
        {
            return id;
        }

        // Gmail's and Exchange's notifications thread themselves onto the bounced message.
        return message.InReplyTo.Count > 0 ? message.InReplyTo[0]
            : message.References.Count > 0 ? message.References[^1]
            : null;
    }

    [GeneratedRegex(@"^[ \t]*(?<field>Original-Recipient|Final-Recipient)[ \t]*:[ \t]*rfc822[ \t]*;[ \t]*<?(?<address>[^\s<>;]+@[^\s<>;]+)>?", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DsnRecipient();

    [GeneratedRegex(@"^[ \t]*<(?<address>[^\s<>]+@[^\s<>]+)>:", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PostfixRecipient();

    [GeneratedRegex(@"(?:wasn't|was not|couldn't be|could not be) delivered to[ \t]+<?(?<address>[^\s<>]+@[^\s<>]*[^\s<>.,])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GmailRecipient();

    [GeneratedRegex(@"Delivery has failed to these recipients or groups:\s*(?:\r?\n)+\s*(?:[^\r\n<]*<)?(?<address>[^\s<>()]+@[^\s<>()]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExchangeRecipient();

    // Exchange Online: "Your message to jane@contoso.com couldn't be delivered." above the fold.
    [GeneratedRegex(@"Your message to[ \t]+<?(?<address>[^\s<>]+@[^\s<>]*[^\s<>.,])>?[ \t]+(?:couldn't|could not|can't|cannot) be delivered", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExchangeOnlineRecipient();

    // Exchange Online's "Original Message Details": "Recipient Address: jane@contoso.com" (never the Sender Address line).
    [GeneratedRegex(@"^[ \t]*Recipient Address[ \t]*:[ \t]*<?(?<address>[^\s<>]+@[^\s<>]*[^\s<>.,;])", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExchangeOnlineDetails();

    [GeneratedRegex(@"^[ \t]*Status[ \t]*:[ \t]*(?<code>[245]\.\d{1,3}\.\d{1,3})", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DsnStatus();

    [GeneratedRegex(@"(?<![\d.])(?<code>[45]\.\d{1,3}\.\d{1,3})(?![\d.])", RegexOptions.CultureInvariant)]
    private static partial Regex EnhancedStatus();

    [GeneratedRegex(@"(?<![\d.])(?<code>[45][0-5]\d)[ -](?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex SmtpReplyCode();

    [GeneratedRegex(@"^[ \t]*Message-ID[ \t]*:[ \t]*(?<id>\S+)", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuotedMessageId();
}
