namespace Outreach.Core.Accounts;

/// <summary>A client on a coach's roster: their active consent, and the cohort the coach files them under (null: none).</summary>
public sealed record RosterEntry(CoachConsent Consent, string? Cohort)
{
    /// <summary>The client's account id.</summary>
    public string ClientId => Consent.ClientId;
}
