using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Outreach.Core.Accounts;

/// <summary>
/// Encrypts per-owner secrets (SMTP passwords) at rest with AES-256-GCM under a key ring from configuration.
/// The owner id is bound in as associated data, so a ciphertext copied to another owner does not decrypt.
/// The current key encrypts; every key in the ring decrypts, so keys can be rotated without a migration.
/// Format: <c>v1.&lt;keyId&gt;.&lt;base64url(nonce | ciphertext | tag)&gt;</c>.
/// </summary>
public sealed class SecretProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly IReadOnlyDictionary<string, byte[]> _keys;
    private readonly string _currentKeyId;

    /// <summary>Creates a protector.</summary>
    /// <param name="keys">Key id → 32-byte key.</param>
    /// <param name="currentKeyId">The key new secrets are encrypted with.</param>
    public SecretProtector(IReadOnlyDictionary<string, byte[]> keys, string currentKeyId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!keys.TryGetValue(currentKeyId, out _))
        {
            throw new DomainException("secrets.no-current-key", $"The current key id '{currentKeyId}' is not in the key ring.", nameof(currentKeyId));
        }

        foreach (var (id, key) in keys)
        {
            if (key.Length != 32)
            {
                throw new DomainException("secrets.bad-key", $"Secret key '{id}' must be 32 bytes (256 bits), not {key.Length}.", id);
            }

            if (id.Contains('.', StringComparison.Ordinal))
            {
                throw new DomainException("secrets.bad-key-id", $"Secret key id '{id}' must not contain '.'.", id);
            }
        }

        _keys = keys;
        _currentKeyId = currentKeyId;
    }

    /// <summary>Encrypts <paramref name="plaintext"/> for <paramref name="ownerId"/>.</summary>
    public string Protect(string plaintext, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + data.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_currentKeyId], TagSize);
        aes.Encrypt(nonce, data, sealedBytes.AsSpan(NonceSize, data.Length), sealedBytes.AsSpan(NonceSize + data.Length), Encoding.UTF8.GetBytes(ownerId));
        return $"v1.{_currentKeyId}.{Base64Url.EncodeToString(sealedBytes)}";
    }

    /// <summary>Decrypts a value made by <see cref="Protect"/> for the same owner.</summary>
    /// <exception cref="DomainException">The value is malformed, its key is unknown, or it was altered or made for another owner.</exception>
    public string Unprotect(string protectedValue, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        var parts = protectedValue.Split('.');
        if (parts.Length != 3 || parts[0] != "v1" || !Base64Url.IsValid(parts[2]))
        {
            throw new DomainException("secrets.malformed", "The stored secret is not in a format this version can read.");
        }

        if (!_keys.TryGetValue(parts[1], out var key))
        {
            throw new DomainException("secrets.unknown-key", $"The stored secret was encrypted with key '{parts[1]}', which is not in the key ring.");
        }

        var sealedBytes = Base64Url.DecodeFromChars(parts[2]);
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new DomainException("secrets.malformed", "The stored secret is truncated.");
        }

        var cipherLength = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, cipherLength), sealedBytes.AsSpan(NonceSize + cipherLength), plain, Encoding.UTF8.GetBytes(ownerId));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new DomainException("The stored secret was altered or belongs to another owner.", e);
        }

        return Encoding.UTF8.GetString(plain);
    }
}
