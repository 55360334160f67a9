using System.Text.RegularExpressions;

namespace Outreach.Core.Messaging.Tokens;

/// <summary>
/// The HMAC keys tokens are signed with. The current key signs; every key in the ring verifies, so a key can be
/// rotated by adding a new one as current and keeping the old one listed until its tokens have aged out.
/// Keys come from configuration (see <see cref="SigningKeyOptions"/>), never from code.
/// </summary>
public sealed partial class SigningKeyRing
{
    /// <summary>Shortest key accepted: 256 bits, the HMAC-SHA256 block strength.</summary>
    public const int MinKeyBytes = 32;

    private readonly Dictionary<string, byte[]> _keys;

    /// <summary>Creates a ring; <paramref name="currentKeyId"/> must be one of <paramref name="keys"/>.</summary>
    /// <param name="currentKeyId">The key that signs new tokens.</param>
    /// <param name="keys">Key id to secret. Ids are 1-16 lower-case letters or digits (they appear in tokens and in
    /// reply addresses, which mail systems may lower-case).</param>
    public SigningKeyRing(string currentKeyId, IReadOnlyDictionary<string, byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, secret) in keys)
        {
            if (!KeyIdPattern().IsMatch(id))
            {
                throw new ArgumentException($"Signing key id '{id}' must be 1-16 lower-case letters or digits.", nameof(keys));
            }

            if (secret is null || secret.Length < MinKeyBytes)
            {
                throw new ArgumentException($"Signing key '{id}' must be at least {MinKeyBytes} bytes.", nameof(keys));
            }

            _keys[id] = secret.ToArray();
        }

        if (currentKeyId is null || !_keys.ContainsKey(currentKeyId))
        {
            throw new ArgumentException($"The current signing key '{currentKeyId}' is not among the configured keys.", nameof(currentKeyId));
        }

        CurrentKeyId = currentKeyId;
    }

    /// <summary>The id of the key that signs new tokens.</summary>
    public string CurrentKeyId { get; }

    /// <summary>Every key id that verifies.</summary>
    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>Builds the ring from configuration, where keys are base64 strings.</summary>
    public static SigningKeyRing From(SigningKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, base64) in options.Keys)
        {
            try
            {
                keys[id] = Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                // Never echo the value: it is a secret.
                throw new ArgumentException($"Signing key '{id}' is not valid base64.", nameof(options));
            }
        }

        return new SigningKeyRing(options.CurrentKeyId, keys);
    }

    internal byte[] CurrentKey => _keys[CurrentKeyId];

    internal bool TryGetKey(string keyId, out byte[] key) => _keys.TryGetValue(keyId, out key!);

    [GeneratedRegex("^[a-z0-9]{1,16}$")]
    private static partial Regex KeyIdPattern();
}
