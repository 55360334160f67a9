namespace Outreach.Functions.Limits;

/// <summary>
/// Marks a webhook whose verified calls count against an allowance of their own (<see cref="LimitsOptions.WebhookRequestsPerMinute"/>),
/// not the per-address one of anonymous callers: a mail service posts every reply and bounce of every owner from a few
/// addresses, and a bounce storm after a campaign would otherwise be refused with 429 and arrive late, while follow-ups
/// to those people went on. A call that is not verified (no secret, a wrong one) stays on the per-address allowance.
/// </summary>
/// <param name="Name">The webhook's name, its allowance's partition.</param>
/// <param name="IsVerified">Whether the call carries the webhook's credential (cheap and constant-time: it runs before the endpoint).</param>
internal sealed record WebhookAllowance(string Name, Func<HttpContext, bool> IsVerified)
{
    /// <summary>The allowance of <paramref name="context"/>'s endpoint when it is a webhook and the call is verified, else null.</summary>
    public static WebhookAllowance? Of(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<WebhookAllowance>() is { } webhook && webhook.IsVerified(context) ? webhook : null;
}
