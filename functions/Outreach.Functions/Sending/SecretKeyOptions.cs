namespace Outreach.Functions.Sending;

/// <summary>
/// The key ring that seals per-owner secrets such as SMTP passwords (section <c>Secrets</c>): key id → base64 key, and the
/// id new secrets are sealed with. Comes from configuration (Key Vault references in Azure); never logged.
/// </summary>
internal sealed class SecretKeyOptions
{
    public const string SectionName = "Secrets";

    public string CurrentKeyId { get; set; } = string.Empty;

    public Dictionary<string, string> Keys { get; init; } = new(StringComparer.Ordinal);
}
