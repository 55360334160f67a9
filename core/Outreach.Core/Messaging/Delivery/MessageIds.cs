using System.Globalization;
using System.Security.Cryptography;

namespace Outreach.Core.Messaging.Delivery;

/// <summary>
/// Creates Message-IDs (<c>&lt;random@sender-domain&gt;</c>, RFC 5322 §3.6.4). Outreach sets the Message-ID itself,
/// before sending, so it is stored with the task when claimed and replies can be matched by In-Reply-To.
/// </summary>
public static partial class MessageIds
{
    private static readonly IdnMapping Idna = new();

    /// <summary>
    /// A new id with 128 random bits: <c>&lt;26 base32 characters@domain&gt;</c>. An internationalised domain
    /// (<c>universität.example</c>) is written in its IDNA form (<c>xn--universitt-y5a.example</c>): a Message-ID is
    /// ASCII only (RFC 5322).
    /// </summary>
    /// <exception cref="ArgumentException">The domain is empty or not a valid domain name.</exception>
    public static string New(string domain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        return $"<{Tokens.Base32.Encode(random)}@{Idna.GetAscii(domain.Trim()).ToLowerInvariant()}>";
    }

    /// <summary>True for <c>&lt;left@right&gt;</c> with no whitespace, control characters or extra brackets.</summary>
    public static bool IsValid(string? messageId) =>
        messageId is { Length: > 4 and <= 250 }
        && messageId[0] == '<' && messageId[^1] == '>'
        && messageId[1..^1] is var inner
        && inner.Count(c => c == '@') == 1 && inner[0] != '@' && inner[^1] != '@'
        && !inner.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' || c > '~');
}

/// <summary>
/// A Message-ID as it may be logged: only the unique part before the <c>@</c>, without angle brackets. The domain is
/// the sender's domain, and <c>local@domain</c> reads as an email address, which logs must never hold. The id is cut
/// only when formatted, so a disabled log level costs nothing.
/// </summary>
/// <param name="MessageId">The full Message-ID, or null when none was assigned.</param>
public readonly record struct LoggedMessageId(string? MessageId)
{
    /// <inheritdoc/>
    public override string ToString()
    {
        var id = (MessageId ?? "").AsSpan().Trim().TrimStart('<').TrimEnd('>');
        var at = id.IndexOf('@');
        return (at >= 0 ? id[..at] : id).ToString();
    }
}
