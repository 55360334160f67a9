using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Core.Analytics.Reports;
using Outreach.Core.Senders;
using Outreach.Functions.Security;

namespace Outreach.Functions.Metrics;

/// <summary>
/// Whose counters a metrics request reads. Normally one owner, resolved like every endpoint (<see cref="OwnerAccess"/>:
/// self, or <c>?owner=</c> for a coach's consenting client). A coach who names nobody gets the coach view, whatever the
/// grouping: every client whose active consent includes reads, so the funnel, the weekly rates and the step and template
/// tables of the coach's page all describe the same people. Clients who withdrew never appear. <c>cohort=</c> narrows
/// the coach view to the clients the coach files under that cohort; the coach's cohorts group <c>groupBy=cohort</c>.
/// One owner's default range ends on today in the zone their counters are kept in: their sender profile's, the zone the
/// sender and the outcomes place each send and reply on a day in, else (no profile, so nothing sent) their account's.
/// A coach view's ends on the latest today among its clients' zones and the coach's own. Those zones cost a read per
/// client, so they are read only for a request that leaves <c>to</c> out (<see cref="MetricsReach.TodayAsync"/>).
/// </summary>
internal sealed class MetricsOwners(OwnerAccess access, AccountService accounts, CoachRoster roster, ISenderProfileStore profiles)
{
    public const string CohortQuery = "cohort";

    /// <summary>How many clients' accounts and sender profiles a coach view reads at once.</summary>
    private const int ConcurrentReads = 16;

    private static readonly IReadOnlyDictionary<string, string> NoCohorts = new Dictionary<string, string>(StringComparer.Ordinal);

    public async Task<MetricsReach?> ResolveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var caller = PrincipalClaims.Read(context.User);
        var cohort = CohortName.Parse(context.Request.Query[CohortQuery], CohortQuery);
        if (caller is { Kind: AccountKind.Coach } && !NamesOwner(context))
        {
            return await CoachViewAsync(caller, cohort, cancellationToken).ConfigureAwait(false);
        }

        if (cohort is not null)
        {
            throw new DomainException("metrics.cohort-coach-view", "'cohort' narrows a coach's view of all their clients; it does not apply to one owner.", CohortQuery);
        }

        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } scope
            || await accounts.FindAccountAsync(scope.OwnerId, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return null;
        }

        // A coach reading one client sees that client under the coach's own cohort for them.
        var cohorts = caller is { Kind: AccountKind.Coach }
            && await roster.CohortOfAsync(caller.AccountId, owner.AccountId, cancellationToken).ConfigureAwait(false) is { } filed
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [owner.AccountId] = filed }
            : NoCohorts;
        return new MetricsReach([owner.AccountId], async ct => [await CountersZoneAsync(owner, ct).ConfigureAwait(false)], cohorts);
    }

    private async Task<MetricsReach?> CoachViewAsync(Principal coach, string? cohort, CancellationToken cancellationToken)
    {
        if (await accounts.FindAccountAsync(coach.AccountId, cancellationToken).ConfigureAwait(false) is not { } account)
        {
            return null;
        }

        var clients = new List<string>();
        var cohorts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in await roster.ListAsync(coach.AccountId, cancellationToken).ConfigureAwait(false))
        {
            if (AccessPolicy.Allows(coach, entry.ClientId, ApiScopes.Read, entry.Consent)
                && (cohort is null || string.Equals(entry.Cohort, cohort, StringComparison.Ordinal)))
            {
                clients.Add(entry.ClientId);
                if (entry.Cohort is { } filed)
                {
                    cohorts[entry.ClientId] = filed;
                }
            }
        }

        // A coach without consenting clients (in that cohort) reads their own counters, which hold nothing: an empty
        // report, not an error. The clients' zones are read only if the request needs today (it names no 'to').
        return new MetricsReach(clients.Count > 0 ? clients : [coach.AccountId], ZonesAsync, cohorts);

        async Task<IReadOnlyList<TimeZoneInfo>> ZonesAsync(CancellationToken ct)
        {
            var zones = await ClientZonesAsync(clients, ct).ConfigureAwait(false);
            zones.Add(TimeZoneInfo.FindSystemTimeZoneById(account.TimeZone));
            return [.. zones.DistinctBy(zone => zone.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>The zones the clients' counters are kept in, read a few clients at a time.</summary>
    private async Task<List<TimeZoneInfo>> ClientZonesAsync(List<string> clients, CancellationToken cancellationToken)
    {
        var zones = new TimeZoneInfo?[clients.Count];
        await Parallel.ForAsync(0, clients.Count, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentReads, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            zones[i] = await ProfileZoneAsync(clients[i], ct).ConfigureAwait(false)
                ?? (await accounts.FindAccountAsync(clients[i], ct).ConfigureAwait(false) is { } client ? TimeZoneInfo.FindSystemTimeZoneById(client.TimeZone) : null);
        }).ConfigureAwait(false);
        return [.. zones.OfType<TimeZoneInfo>()];
    }

    /// <summary>The zone the owner's counters are kept in (their sender profile's; a profile's zone is validated when saved).</summary>
    private async Task<TimeZoneInfo> CountersZoneAsync(Account owner, CancellationToken cancellationToken) =>
        await ProfileZoneAsync(owner.AccountId, cancellationToken).ConfigureAwait(false) ?? TimeZoneInfo.FindSystemTimeZoneById(owner.TimeZone);

    /// <summary>The zone of the owner's sender profile, or null when they have none (so nothing was sent).</summary>
    private async Task<TimeZoneInfo?> ProfileZoneAsync(string ownerId, CancellationToken cancellationToken) =>
        await profiles.GetAsync(ownerId, cancellationToken).ConfigureAwait(false) is { } profile
        && TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZoneId, out var zone)
            ? zone
            : null;

    private static bool NamesOwner(HttpContext context) =>
        !string.IsNullOrEmpty(context.Request.Query[OwnerAccess.OwnerQuery])
        || !string.IsNullOrEmpty(context.Request.Headers[OwnerAccess.OwnerHeader]);
}
