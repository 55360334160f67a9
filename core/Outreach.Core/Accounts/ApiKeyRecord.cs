using System.Security.Cryptography;

namespace Outreach.Core.Accounts;

/// <summary>
/// What is stored of an API key: never the key itself, only the SHA-256 of its secret part. The secret is 256
/// random bits, so a fast hash is enough (there is nothing to brute-force that a slow hash would protect).
/// </summary>
/// <param name="KeyId">The public, non-secret part used to look the key up.</param>
/// <param name="AccountId">The account the key acts as.</param>
/// <param name="Scopes">What the key may do.</param>
/// <param name="SecretHash">SHA-256 of the secret part.</param>
/// <param name="Name">A label the user chose ("laptop", "zapier").</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="RevokedAt">When it was revoked, or null while usable.</param>
public sealed record ApiKeyRecord(
    string KeyId,
    string AccountId,
    ApiScopes Scopes,
    byte[] SecretHash,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt = null)
{
    /// <summary>True while the key has not been revoked.</summary>
    public bool IsActive => RevokedAt is null;

    /// <summary>True when <paramref name="secret"/> is this key's secret (compared in constant time).</summary>
    public bool Matches(ReadOnlySpan<char> secret)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        ApiKeys.HashSecret(secret, hash);
        return CryptographicOperations.FixedTimeEquals(hash, SecretHash);
    }
}
