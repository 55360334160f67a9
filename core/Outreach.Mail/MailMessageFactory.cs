using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Outreach.Core.Messaging.Delivery;

namespace Outreach.Mail;

/// <summary>
/// Turns an <see cref="OutgoingMessage"/> into a System.Net.Mail message: multipart/alternative with the text part
/// first and the HTML part last (clients show the last part they understand), UTF-8 quoted-printable bodies,
/// RFC 2047 encoded-words for non-ASCII display names and subjects, and the Message-ID and unsubscribe headers
/// set by Outreach. Shared by both transports so a preview is byte-for-byte what SMTP would carry.
/// </summary>
internal static class MailMessageFactory
{
    /// <summary>Builds the message; <paramref name="handover"/>, when given, learns when SmtpClient starts reading its body.</summary>
    public static MailMessage Create(OutgoingMessage message, ContentHandover? handover = null)
    {
        var mail = new MailMessage
        {
            From = ToMailAddress(message.From),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        try
        {
            foreach (var recipient in message.To)
            {
                mail.To.Add(ToMailAddress(recipient));
            }

            foreach (var copied in message.Cc)
            {
                mail.CC.Add(ToMailAddress(copied));
            }

            foreach (var replyTo in message.ReplyTo)
            {
                mail.ReplyToList.Add(ToMailAddress(replyTo));
            }

            mail.AlternateViews.Add(View(message.Text, MediaTypeNames.Text.Plain, handover));
            mail.AlternateViews.Add(View(message.Html, MediaTypeNames.Text.Html, handover));
            foreach (var (name, value) in message.ExtraHeaders())
            {
                mail.Headers.Add(name, value);
            }

            return mail;
        }
        catch
        {
            mail.Dispose();
            throw;
        }
    }

    private static MailAddress ToMailAddress(EmailAddress address) =>
        new(address.Address, address.DisplayName, Encoding.UTF8);

    private static AlternateView View(string content, string mediaType, ContentHandover? handover)
    {
        // MIME lines end in CRLF; a bare LF would be quoted-printable-encoded as =0A and the part would become one long line.
        var bytes = Encoding.UTF8.GetBytes(content.ReplaceLineEndings("\r\n"));
        var view = new AlternateView(handover?.Watch(bytes) ?? new MemoryStream(bytes, writable: false), new ContentType(mediaType) { CharSet = Encoding.UTF8.BodyName });
        view.TransferEncoding = TransferEncoding.QuotedPrintable;
        return view;
    }
}
