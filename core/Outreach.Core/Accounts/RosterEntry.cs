namespace Outreach.Core.Accounts;

/// <summary>
/// A client on a coach's roster: their active consent, the cohort the coach files them under (null: none), and the
/// name the client's account shows (null when the account is gone), so the coach reads names, not account ids.
/// </summary>
public sealed record RosterEntry(CoachConsent Consent, string? Cohort, string? ClientName = null)
{
    /// <summary>The client's account id.</summary>
    public string ClientId => Consent.ClientId;
}
