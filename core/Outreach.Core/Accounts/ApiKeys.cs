using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Outreach.Core.Accounts;

/// <summary>
/// Issues and parses API keys of the form <c>otr_&lt;keyId&gt;_&lt;secret&gt;</c>: a 72-bit public key id for
/// look-up and a 256-bit secret, both URL-safe. The prefix lets secret scanners recognise a leaked key.
/// </summary>
public static class ApiKeys
{
    /// <summary>The prefix every key starts with.</summary>
    public const string Prefix = "otr_";

    private const int KeyIdBytes = 9;
    private const int SecretBytes = 32;

    /// <summary>Creates a new key. The returned plain text is shown to the user once and never stored.</summary>
    /// <param name="accountId">The account the key acts as.</param>
    /// <param name="scopes">What it may do.</param>
    /// <param name="name">A label for the key.</param>
    /// <param name="time">The clock.</param>
    public static (string PlainText, ApiKeyRecord Record) Issue(string accountId, ApiScopes scopes, string name, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentNullException.ThrowIfNull(time);
        if (scopes == ApiScopes.None)
        {
            throw new DomainException("apikey.no-scopes", "An API key needs at least one scope.", nameof(scopes));
        }

        var keyId = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(KeyIdBytes));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        var hash = new byte[SHA256.HashSizeInBytes];
        HashSecret(secret, hash);
        var record = new ApiKeyRecord(keyId, accountId, scopes, hash, string.IsNullOrWhiteSpace(name) ? "key" : name.Trim(), time.GetUtcNow());
        return ($"{Prefix}{keyId}_{secret}", record);
    }

    /// <summary>Splits a presented key into its id and secret; false for anything not shaped like a key.</summary>
    public static bool TryParse(string? presented, out string keyId, out string secret)
    {
        keyId = secret = string.Empty;
        if (presented is null || !presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        // Key ids and secrets are base64url, which may itself contain '_': the id has a fixed length.
        var idLength = Base64Url.GetEncodedLength(KeyIdBytes);
        var body = presented.AsSpan(Prefix.Length);
        if (body.Length != idLength + 1 + Base64Url.GetEncodedLength(SecretBytes) || body[idLength] != '_')
        {
            return false;
        }

        keyId = body[..idLength].ToString();
        secret = body[(idLength + 1)..].ToString();
        return Base64Url.IsValid(keyId) && Base64Url.IsValid(secret);
    }

    /// <summary>Verifies a presented key against its stored record: right secret, not revoked.</summary>
    public static bool Verify(string presented, ApiKeyRecord? record) =>
        record is { IsActive: true }
        && TryParse(presented, out var keyId, out var secret)
        && string.Equals(keyId, record.KeyId, StringComparison.Ordinal)
        && record.Matches(secret);

    internal static void HashSecret(ReadOnlySpan<char> secret, Span<byte> destination)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(secret.Length)];
        var written = Encoding.UTF8.GetBytes(secret, utf8);
        SHA256.HashData(utf8[..written], destination);
    }
}
