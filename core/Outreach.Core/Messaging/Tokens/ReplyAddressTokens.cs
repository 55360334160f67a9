using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Outreach.Core.Messaging.Tokens;

/// <summary>
/// Signed plus-addresses for reply matching: <c>reply+REFERENCE.KEYID.SIGNATURE@domain</c>. A reply that arrives
/// at such an address is matched to the outreach it answers even when the client dropped In-Reply-To. The
/// signature (80 bits of HMAC-SHA256, base32) stops anyone from forging a reference; everything is lower-case
/// letters, digits, '-' and '.', and the local part stays within RFC 5321's 64 characters.
/// </summary>
public sealed partial class ReplyAddressTokens
{
    /// <summary>The plus-address tag: <c>reply+…</c>.</summary>
    public const string Tag = "reply";

    /// <summary>RFC 5321's limit on the local part (before the '@').</summary>
    public const int MaxLocalPartLength = 64;

    private const int SignatureBytes = 10;
    private const string Domain = "outreach.reply.v1.";
    private readonly SigningKeyRing _keys;

    /// <summary>Creates the helper over the same key ring as <see cref="SignedTokenService"/>.</summary>
    public ReplyAddressTokens(SigningKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
    }

    /// <summary>Longest reference that fits the local part with the current key id.</summary>
    public int MaxReferenceLength => MaxLocalPartLength - Tag.Length - 3 - _keys.CurrentKeyId.Length - Base32Length;

    private static int Base32Length => ((SignatureBytes * 8) + 4) / 5;

    /// <summary>The reply address for <paramref name="reference"/> (e.g. a task id) at <paramref name="domain"/>.</summary>
    /// <param name="reference">Lower-case letters, digits and '-', at most <see cref="MaxReferenceLength"/> characters.</param>
    /// <param name="domain">The domain whose mailbox receives replies.</param>
    public string CreateAddress(string reference, string domain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        if (reference is null || !ReferencePattern().IsMatch(reference) || reference.Length > MaxReferenceLength)
        {
            throw new ArgumentException($"A reply reference is 1-{MaxReferenceLength} lower-case letters, digits or '-'.", nameof(reference));
        }

        var keyId = _keys.CurrentKeyId;
        return $"{Tag}+{reference}.{keyId}.{Sign(_keys.CurrentKey, keyId, reference)}@{domain}";
    }

    /// <summary>Reads the reference back from an address a reply was sent to; case-insensitive, never throws for bad input.</summary>
    public ReplyAddressMatch Read(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        if (at <= 0)
        {
            return new ReplyAddressMatch(TokenStatus.Tampered, null);
        }

        var local = address![..at].Trim().ToLowerInvariant();
        if (!local.StartsWith(Tag + "+", StringComparison.Ordinal) || local[(Tag.Length + 1)..].Split('.') is not [var reference, var keyId, var signature])
        {
            return new ReplyAddressMatch(TokenStatus.Tampered, null);
        }

        if (!_keys.TryGetKey(keyId, out var key))
        {
            return new ReplyAddressMatch(TokenStatus.UnknownKey, null);
        }

        var expected = Encoding.ASCII.GetBytes(Sign(key, keyId, reference));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(actual, expected)
            ? new ReplyAddressMatch(TokenStatus.Valid, reference)
            : new ReplyAddressMatch(TokenStatus.Tampered, null);
    }

    private static string Sign(byte[] key, string keyId, string reference)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Domain + keyId + "." + reference));
        return Base32.Encode(mac.AsSpan(0, SignatureBytes));
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex ReferencePattern();
}
