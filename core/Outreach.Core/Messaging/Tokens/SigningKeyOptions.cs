namespace Outreach.Core.Messaging.Tokens;

/// <summary>
/// Token signing keys as configuration holds them (section <c>Tokens</c>, e.g. from Key Vault references):
/// <c>Tokens:CurrentKeyId = "k2"</c>, <c>Tokens:Keys:k1 = "base64…"</c>, <c>Tokens:Keys:k2 = "base64…"</c>.
/// </summary>
public sealed class SigningKeyOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Tokens";

    /// <summary>The key id that signs new tokens.</summary>
    public string CurrentKeyId { get; set; } = string.Empty;

    /// <summary>Key id to base64 secret (at least 32 bytes decoded); all of them verify.</summary>
    public Dictionary<string, string> Keys { get; init; } = new(StringComparer.Ordinal);
}
