using System.Text;
using Outreach.Core.Messaging.Delivery;

namespace Outreach.Mail;

/// <summary>
/// Which messages need SMTPUTF8 (RFC 6531): those with an address whose local part is not ASCII (<c>josé@example.es</c>).
/// A non-ASCII domain does not: System.Net.Mail sends it in its IDNA (punycode) form. Only these messages are sent with
/// <see cref="System.Net.Mail.SmtpDeliveryFormat.International"/>, so every other message stays 7-bit with encoded-word
/// headers, readable by any server on the way.
/// </summary>
internal static class SmtpUtf8
{
    /// <summary>The addresses of <paramref name="message"/> whose local part is not ASCII.</summary>
    public static IEnumerable<string> AddressesNeedingIt(OutgoingMessage message) =>
        new[] { message.From }.Concat(message.To).Concat(message.Cc).Concat(message.ReplyTo)
            .Select(a => a.Address)
            .Where(a => !Ascii.IsValid(a.AsSpan(0, a.LastIndexOf('@'))));

    /// <summary>True when <paramref name="message"/> can only be sent with SMTPUTF8.</summary>
    public static bool IsNeededBy(OutgoingMessage message) => AddressesNeedingIt(message).Any();
}
