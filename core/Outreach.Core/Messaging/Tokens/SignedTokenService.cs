using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Outreach.Core.Messaging.Tokens;

/// <summary>
/// Issues and checks HMAC-SHA256-signed, URL-safe tokens such as the one in
/// <c>https://…/api/unsubscribe/TOKEN</c>. A token is <c>keyId.payload.signature</c> (base64url, no padding): the
/// key id in clear selects the verifying key, the payload is a small JSON object (purpose, owner, subject,
/// issued-at, optional expiry) and the signature covers both. Verification compares in constant time and
/// never trusts the payload before the signature checks out.
/// </summary>
public sealed class SignedTokenService
{
    /// <summary>Longest token accepted for checking; anything longer is refused before any work.</summary>
    public const int MaxTokenLength = 2048;

    private const string Domain = "outreach.token.v1.";
    private readonly SigningKeyRing _keys;
    private readonly TimeProvider _time;

    /// <summary>Creates the service over a key ring and a clock (for issued-at and expiry).</summary>
    public SignedTokenService(SigningKeyRing keys, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(time);
        _keys = keys;
        _time = time;
    }

    /// <summary>Issues a token signed with the current key.</summary>
    /// <param name="purpose">What it is for, e.g. <c>unsubscribe</c>.</param>
    /// <param name="ownerId">The owner it concerns.</param>
    /// <param name="subject">The contact (<see cref="TokenSubjects"/>).</param>
    /// <param name="lifetime">How long it is accepted, or null for no expiry (unsubscribe links must keep working).</param>
    public string Create(string purpose, string ownerId, string subject, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        if (lifetime is { } l)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(l, TimeSpan.Zero, nameof(lifetime));
        }

        var issuedAt = _time.GetUtcNow();
        var payload = Base64Url.EncodeToString(WritePayload(purpose, ownerId, subject, issuedAt, issuedAt + lifetime));
        var keyId = _keys.CurrentKeyId;
        var signature = Base64Url.EncodeToString(Sign(_keys.CurrentKey, keyId, payload));
        return $"{keyId}.{payload}.{signature}";
    }

    /// <summary>Checks a token for <paramref name="purpose"/>.</summary>
    /// <returns>The status, and the claims when valid. Never throws for bad input.</returns>
    public TokenValidation Validate(string? token, string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || token.Split('.') is not [var keyId, var payload, var signatureText])
        {
            return TokenValidation.Tampered;
        }

        if (!_keys.TryGetKey(keyId, out var key))
        {
            return TokenValidation.UnknownKey;
        }

        if (!TryDecode(signatureText, out var signature) || !CryptographicOperations.FixedTimeEquals(signature, Sign(key, keyId, payload)))
        {
            return TokenValidation.Tampered;
        }

        if (!TryDecode(payload, out var json) || ReadPayload(json, keyId) is not { } claims || claims.Purpose != purpose)
        {
            return TokenValidation.Tampered;
        }

        return claims.ExpiresAt is { } expiry && _time.GetUtcNow() >= expiry
            ? new TokenValidation(TokenStatus.Expired, null)
            : new TokenValidation(TokenStatus.Valid, claims);
    }

    private static byte[] Sign(byte[] key, string keyId, string payload) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Domain + keyId + "." + payload));

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (!Base64Url.IsValid(text.AsSpan()))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(text);
        return true;
    }

    private static byte[] WritePayload(string purpose, string ownerId, string subject, DateTimeOffset issuedAt, DateTimeOffset? expiresAt)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("p", purpose);
            writer.WriteString("o", ownerId);
            writer.WriteString("s", subject);
            writer.WriteNumber("iat", issuedAt.ToUnixTimeSeconds());
            if (expiresAt is { } expiry)
            {
                writer.WriteNumber("exp", expiry.ToUnixTimeSeconds());
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static SignedTokenClaims? ReadPayload(byte[] json, string keyId)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            DateTimeOffset? expiresAt = root.TryGetProperty("exp", out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64()) : null;
            return new SignedTokenClaims(
                root.GetProperty("p").GetString()!,
                root.GetProperty("o").GetString()!,
                root.GetProperty("s").GetString()!,
                DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("iat").GetInt64()),
                expiresAt,
                keyId);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // Only reachable with a valid signature over a payload we did not write: treat as tampered.
            return null;
        }
    }
}
