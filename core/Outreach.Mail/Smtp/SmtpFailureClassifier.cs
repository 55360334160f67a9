using System.Globalization;
using System.Net.Mail;
using System.Net.Sockets;
using System.Security.Authentication;
using Outreach.Core.Messaging.Delivery;

namespace Outreach.Mail.Smtp;

/// <summary>
/// Sorts what SmtpClient throws into what the caller should do. 4xx replies, and network failures (connection
/// refused, reset, timeout) before the message content was handed over, may pass: <see cref="SendResultKind.Transient"/>.
/// A network failure or timeout after the content was handed over, with no reply from the server, is
/// <see cref="SendResultKind.Unconfirmed"/>: the server may have the whole message and only its 250 was lost, so a
/// retry could deliver it twice. A reply the server did give (a 4xx or 5xx to the final dot) still counts as a reply.
/// A 5xx on RCPT is about the address:
/// <see cref="SendResultKind.Rejected"/> (suppress it). Any other 5xx (auth, sender, message) or a TLS failure is
/// about us: <see cref="SendResultKind.Failed"/>, so a bad password never suppresses a recipient; a server without
/// STARTTLS when TLS is required, or a failed TLS handshake, too, with a <see cref="SendResult.Cause"/> naming it. So is an address with a
/// non-ASCII local part that the server cannot take (no SMTPUTF8): the address is fine, our path to it is not. When some
/// recipients were refused but others accepted, the message went out: <see cref="SendResultKind.Sent"/> with the
/// rejections, because retrying would send it twice to those who got it.
/// </summary>
internal static class SmtpFailureClassifier
{
    private static readonly IdnMapping Idna = new();

    /// <summary>Classifies a failure of one send.</summary>
    /// <param name="exception">What SmtpClient threw.</param>
    /// <param name="message">The message being sent.</param>
    /// <param name="contentHandedOver">True when SmtpClient had started writing the message content (after DATA's 354).</param>
    /// <param name="tlsRequired">True when STARTTLS is required (<see cref="SmtpOptions.EnableSsl"/>).</param>
    /// <param name="timedOut">True when the send lasted its whole timeout: SmtpClient's timeout is a bare SmtpException too.</param>
    /// <param name="result">The result, when the exception is an expected SMTP or network failure.</param>
    public static bool TryClassify(Exception exception, OutgoingMessage message, bool contentHandedOver, bool tlsRequired, bool timedOut, out SendResult result)
    {
        result = exception switch
        {
            SmtpFailedRecipientsException many when many.InnerExceptions.Length > 0 => FromRecipients(many.InnerExceptions, message, many.Message),
            SmtpFailedRecipientException one => FromRecipients([one], message, one.Message),
            SmtpException { InnerException: AuthenticationException } smtp => Failed(smtp, message, SendFailureCauses.TlsFailed),
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
        return new SendResult(kind, message.MessageId, code > 0 ? code : null, smtp.Message);
    }

    private static SendResult FromRecipients(IReadOnlyList<SmtpFailedRecipientException> failures, OutgoingMessage message, string reason)
    {
        var rejections = failures
            .Select(f => new RecipientRejection(Match(f.FailedRecipient, message), (int)f.StatusCode))
            .ToList();
        var refusedAll = message.To.All(to => rejections.Any(r => ReferenceEquals(r.Recipient, to)));
        var kind = !refusedAll
            ? SendResultKind.Sent
            : rejections.Any(r => !r.IsPermanent) ? SendResultKind.Transient : SendResultKind.Rejected;
        var status = rejections.FirstOrDefault(r => r.IsPermanent)?.StatusCode ?? rejections[0].StatusCode;
        return new SendResult(kind, message.MessageId, status, reason) { Rejections = rejections };
    }

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
}
