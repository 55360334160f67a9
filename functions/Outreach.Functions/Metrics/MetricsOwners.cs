using Outreach.Core.Accounts;
using Outreach.Core.Analytics.Reports;
using Outreach.Functions.Security;

namespace Outreach.Functions.Metrics;

/// <summary>
/// Whose counters a metrics request reads. Normally one owner, resolved like every endpoint (<see cref="OwnerAccess"/>:
/// self, or <c>?owner=</c> for a coach's consenting client). A coach who names nobody gets the coach view, whatever the
/// grouping: every client whose active consent includes reads, so the funnel, the weekly rates and the step and template
/// tables of the coach's page all describe the same people. Clients who withdrew never appear.
/// </summary>
internal sealed class MetricsOwners(OwnerAccess access, AccountService accounts)
{
    public async Task<MetricsReach?> ResolveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = PrincipalClaims.Read(context.User);
        if (caller is { Kind: AccountKind.Coach } && !NamesOwner(context))
        {
            return await CoachViewAsync(caller, cancellationToken).ConfigureAwait(false);
        }

        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } scope
            || await accounts.FindAccountAsync(scope.OwnerId, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return null;
        }

        return new MetricsReach([owner.AccountId], TimeZoneInfo.FindSystemTimeZoneById(owner.TimeZone));
    }

    private async Task<MetricsReach?> CoachViewAsync(Principal coach, CancellationToken cancellationToken)
    {
        if (await accounts.FindAccountAsync(coach.AccountId, cancellationToken).ConfigureAwait(false) is not { } account)
        {
            return null;
        }

        var clients = new List<string>();
        foreach (var consent in await accounts.ListConsentingClientsAsync(coach.AccountId, cancellationToken).ConfigureAwait(false))
        {
            if (AccessPolicy.Allows(coach, consent.ClientId, ApiScopes.Read, consent))
            {
                clients.Add(consent.ClientId);
            }
        }

        // A coach without consenting clients reads their own counters, which hold nothing: an empty report, not an error.
        return new MetricsReach(clients.Count > 0 ? clients : [coach.AccountId], TimeZoneInfo.FindSystemTimeZoneById(account.TimeZone));
    }

    private static bool NamesOwner(HttpContext context) =>
        !string.IsNullOrEmpty(context.Request.Query[OwnerAccess.OwnerQuery])
        || !string.IsNullOrEmpty(context.Request.Headers[OwnerAccess.OwnerHeader]);
}
