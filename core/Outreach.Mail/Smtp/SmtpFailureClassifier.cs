using System.Globalization;
using System.Net.Mail;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.RegularExpressions;
using Outreach.Core.Messaging.Delivery;

namespace Outreach.Mail.Smtp;

/// <summary>
/// Sorts what SmtpClient throws into what the caller should do. 4xx replies, and network failures (connection
/// refused, reset, timeout) before the message content was handed over, may pass: <see cref="SendResultKind.Transient"/>.
/// A network failure or timeout after the content was handed over, with no reply from the server, is
/// <see cref="SendResultKind.Unconfirmed"/>: the server may have the whole message and only its 250 was lost, so a
/// retry could deliver it twice. A reply the server did give (a 4xx or 5xx to the final dot) still counts as a reply.
/// A 5xx on RCPT is about the address:
/// <see cref="SendResultKind.Rejected"/> (suppress it), unless its enhanced status is a security or policy one
/// (<c>5.7.x</c>: relaying denied, not authenticated, the sending host blocklisted), which is about us and refuses
/// every address alike: <see cref="SendResultKind.Failed"/> with <see cref="SendFailureCauses.RefusedByPolicy"/>, and
/// such a recipient is never named among the rejections (SmtpClient throws some of them, 554 for one, as a plain
/// SmtpException: the same cause names them). Any other 5xx (auth, sender, message) or a TLS failure is
/// about us: <see cref="SendResultKind.Failed"/>, so a bad password never suppresses a recipient (with a login configured,
/// a 530 is <see cref="SendFailureCauses.NotLoggedIn"/>: SmtpClient hides the refused login and goes on without one); a server without
/// STARTTLS when TLS is required, or a failed TLS handshake, too, with a <see cref="SendResult.Cause"/> naming it. So is an address with a
/// non-ASCII local part that the server cannot take (no SMTPUTF8): the address is fine, our path to it is not. When some
/// recipients were refused but others accepted, the message went out: <see cref="SendResultKind.Sent"/> with the
/// rejections, because retrying would send it twice to those who got it.
/// </summary>
internal static partial class SmtpFailureClassifier
{
    private static readonly IdnMapping Idna = new();

    /// <summary>Classifies a failure of one send.</summary>
    /// <param name="exception">What SmtpClient threw.</param>
    /// <param name="message">The message being sent.</param>
    /// <param name="contentHandedOver">True when SmtpClient had started writing the message content (after DATA's 354).</param>
    /// <param name="tlsRequired">True when STARTTLS is required (<see cref="SmtpOptions.EnableSsl"/>).</param>
    /// <param name="timedOut">True when the send lasted its whole timeout: SmtpClient's timeout is a bare SmtpException too.</param>
    /// <param name="result">The result, when the exception is an expected SMTP or network failure.</param>
    /// <param name="loginExpected">True when a user name is set: a 530 then means the login was refused or never offered.</param>
    public static bool TryClassify(
        Exception exception, OutgoingMessage message, bool contentHandedOver, bool tlsRequired, bool timedOut, bool loginExpected, out SendResult result)
    {
        result = exception switch
        {
            SmtpFailedRecipientsException many when many.InnerExceptions.Length > 0 => FromRecipients(many.InnerExceptions, message, many.Message),
            SmtpFailedRecipientException one => FromRecipients([one], message, one.Message),
            SmtpException { InnerException: AuthenticationException } smtp => Failed(smtp, message, SendFailureCauses.TlsFailed),

            // SmtpClient does not report a refused login (535) or a server offering no mechanism it speaks: it goes on
            // without one, and the server refuses MAIL FROM with 530 (RFC 4954's "authentication required").
            SmtpException { StatusCode: SmtpStatusCode.MustIssueStartTlsFirst } smtp when loginExpected =>
                new SendResult(SendResultKind.Failed, message.MessageId, (int)smtp.StatusCode, smtp.Message) { Cause = SendFailureCauses.NotLoggedIn },
            SmtpException smtp when smtp.StatusCode != SmtpStatusCode.GeneralFailure => FromStatus(smtp, message),
            SmtpException or IOException or SocketException or TimeoutException when contentHandedOver => Unconfirmed(message, exception.Message),
            SmtpException { InnerException: null } smtp when RefusedNonAsciiAddress(smtp, message) => Failed(smtp, message, SendFailureCauses.NonAsciiAddress),

            // With TLS required, the only other bare SmtpException before MAIL FROM is "Server does not support secure
            // connections" (and a rare AUTH module giving up, which is just as much ours to fix).
            SmtpException { InnerException: null } smtp when tlsRequired && !timedOut => Failed(smtp, message, SendFailureCauses.TlsUnavailable),
            SmtpException smtp => FromStatus(smtp, message),
            IOException or SocketException or TimeoutException => new SendResult(SendResultKind.Transient, message.MessageId, null, exception.Message),
            _ => null!,
        };
        return result is not null;
    }

    /// <summary>
    /// SmtpClient's own refusal, before MAIL FROM, to send a non-ASCII local part to a server without SMTPUTF8. Its text
    /// quotes the address in any language, which tells it from the other bare SmtpExceptions. Retrying cannot help.
    /// </summary>
    private static bool RefusedNonAsciiAddress(SmtpException smtp, OutgoingMessage message) =>
        SmtpUtf8.AddressesNeedingIt(message).Any(address => smtp.Message.Contains(address, StringComparison.Ordinal));

    private static SendResult Failed(SmtpException smtp, OutgoingMessage message, string cause) =>
        new(SendResultKind.Failed, message.MessageId, null, smtp.Message) { Cause = cause };

    private static SendResult Unconfirmed(OutgoingMessage message, string reason) =>
        new(SendResultKind.Unconfirmed, message.MessageId, null, reason);

    private static SendResult FromStatus(SmtpException smtp, OutgoingMessage message)
    {
        var code = (int)smtp.StatusCode;
        var kind = code is >= 400 and < 500 || smtp.StatusCode == SmtpStatusCode.GeneralFailure
            ? SendResultKind.Transient
            : SendResultKind.Failed;
        return new SendResult(kind, message.MessageId, code > 0 ? code : null, smtp.Message)
        {
            Cause = kind == SendResultKind.Failed && IsPolicyStatus(smtp) ? SendFailureCauses.RefusedByPolicy : null,
        };
    }

    private static SendResult FromRecipients(IReadOnlyList<SmtpFailedRecipientException> failures, OutgoingMessage message, string reason)
    {
        var refusals = failures.Select(f => (Rejection: new RecipientRejection(Match(f.FailedRecipient, message), (int)f.StatusCode), ByPolicy: IsPolicyStatus(f))).ToList();
        var refusedAll = message.To.All(to => refusals.Any(r => ReferenceEquals(r.Rejection.Recipient, to)));
        var rejections = refusals.Where(r => !r.ByPolicy).Select(r => r.Rejection).ToList();
        if (refusedAll && refusals.FirstOrDefault(r => r.ByPolicy) is { Rejection: { } policy })
        {
            // Nothing went out, and not because of an address: no rejection to suppress (one at fault with it would be
            // suppressed at its own send, once the account works again).
            return new SendResult(SendResultKind.Failed, message.MessageId, policy.StatusCode, reason) { Cause = SendFailureCauses.RefusedByPolicy };
        }

        var kind = !refusedAll
            ? SendResultKind.Sent
            : rejections.Any(r => !r.IsPermanent) ? SendResultKind.Transient : SendResultKind.Rejected;
        var status = rejections.FirstOrDefault(r => r.IsPermanent)?.StatusCode ?? refusals[0].Rejection.StatusCode;
        return new SendResult(kind, message.MessageId, status, reason) { Rejections = rejections };
    }

    /// <summary>
    /// A permanent refusal whose enhanced status code (RFC 3463, the first <c>5.x.y</c> in the server's reply, which
    /// SmtpClient quotes in its message) blames the sender (<see cref="EnhancedStatusCodes.BlamesSender"/>: security or
    /// policy, or the sender's own address): the server will not take mail from us for anyone, whatever the address.
    /// </summary>
    private static bool IsPolicyStatus(SmtpException failure) =>
        (int)failure.StatusCode is >= 500 and < 600 && EnhancedStatus().Match(failure.Message) is { Success: true } status && EnhancedStatusCodes.BlamesSender(status.Value);

    /// <summary>
    /// The recipient SmtpClient names (as <c>&lt;address&gt;</c>, its domain in IDNA form), matched back to the message's
    /// own object: a To recipient, or one in copy (the sender on an introduction), so a refusal is never blamed on
    /// another recipient, whose address would then be suppressed.
    /// </summary>
    private static EmailAddress Match(string? failedRecipient, OutgoingMessage message)
    {
        var address = AsciiForm(failedRecipient?.Trim().TrimStart('<').TrimEnd('>') ?? string.Empty);
        var all = message.To.Concat(message.Cc).ToList();
        return all.FirstOrDefault(to => string.Equals(AsciiForm(to.Address), address, StringComparison.OrdinalIgnoreCase))
            ?? (all.Count == 1 || address.Length == 0 ? message.To[0] : new EmailAddress(address));
    }

    private static string AsciiForm(string address)
    {
        var at = address.LastIndexOf('@');
        try
        {
            return at < 0 ? address : string.Concat(address.AsSpan(0, at + 1), Idna.GetAscii(address[(at + 1)..]));
        }
        catch (ArgumentException)
        {
            return address;
        }
    }

    [GeneratedRegex(@"(?<![\d.])[245]\.(?<subject>\d{1,3})\.\d{1,3}(?!\.?\d)", RegexOptions.CultureInvariant)]
    private static partial Regex EnhancedStatus();
}
