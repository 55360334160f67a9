namespace Outreach.Functions.Outcomes;

/// <summary>
/// Section <c>Outcomes</c>: the shared secret the inbound-mail service presents on <c>POST /api/inbound</c> (a Key Vault
/// reference in Azure; never logged; the webhook refuses every delivery while it is empty), and the coaches whose
/// cohorts share suppressions.
/// </summary>
internal sealed class OutcomesOptions
{
    public const string SectionName = "Outcomes";

    /// <summary>Sent as the password of HTTP Basic auth in the webhook URL, or in the <c>X-Webhook-Secret</c> header.</summary>
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>
    /// Comma-separated coach ids: when a client of one of these coaches (an active consent) suppresses an address, every
    /// other consenting client of that coach suppresses it too, so a class does not keep mailing someone who opted out.
    /// </summary>
    public string CohortCoaches { get; set; } = string.Empty;

    public IReadOnlyList<string> CohortCoachIds() =>
        CohortCoaches.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
