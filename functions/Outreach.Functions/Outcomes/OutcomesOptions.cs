namespace Outreach.Functions.Outcomes;

/// <summary>
/// Section <c>Outcomes</c>: the shared secret the inbound-mail service presents on <c>POST /api/inbound</c> (a Key Vault
/// reference in Azure; never logged). The webhook refuses every delivery while it is empty.
/// </summary>
internal sealed class OutcomesOptions
{
    public const string SectionName = "Outcomes";

    /// <summary>Sent as the password of HTTP Basic auth in the webhook URL, or in the <c>X-Webhook-Secret</c> header.</summary>
    public string WebhookSecret { get; set; } = string.Empty;
}
