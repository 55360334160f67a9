namespace Outreach.Core.Accounts;

/// <summary>
/// Decides whether a principal may act on an owner's data. Callers answer a refusal exactly as they answer a
/// missing resource (404), so nobody learns that someone else's data exists.
/// </summary>
public static class AccessPolicy
{
    /// <summary>True when <paramref name="principal"/> may do <paramref name="required"/> on <paramref name="ownerId"/>'s data.</summary>
    /// <param name="principal">The caller.</param>
    /// <param name="ownerId">The owner whose data is touched.</param>
    /// <param name="required">The scopes the operation needs.</param>
    /// <param name="consent">The owner's consent to this coach, when the caller is a coach acting for a client.</param>
    public static bool Allows(Principal principal, string ownerId, ApiScopes required, CoachConsent? consent = null)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        if (!principal.Has(required))
        {
            return false;
        }

        if (principal.Kind == AccountKind.Admin || string.Equals(principal.AccountId, ownerId, StringComparison.Ordinal))
        {
            return true;
        }

        return principal.Kind == AccountKind.Coach
            && consent is { IsActive: true }
            && string.Equals(consent.CoachId, principal.AccountId, StringComparison.Ordinal)
            && string.Equals(consent.ClientId, ownerId, StringComparison.Ordinal)
            && (consent.Scopes & required) == required
            && (required & ApiScopes.Admin) == 0;
    }
}
