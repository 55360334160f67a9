namespace Outreach.Core.Messaging.Delivery;

/// <summary>One recipient the server refused.</summary>
/// <param name="Recipient">The refused recipient (never log it).</param>
/// <param name="StatusCode">The SMTP reply code, e.g. 550 or 451.</param>
public sealed record RecipientRejection(EmailAddress Recipient, int StatusCode)
{
    /// <summary>True for a 5xx reply: the address will not work later either.</summary>
    public bool IsPermanent => StatusCode is >= 500 and < 600;
}
