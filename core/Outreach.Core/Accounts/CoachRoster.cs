namespace Outreach.Core.Accounts;

/// <summary>
/// A coach's clients, each filed under a cohort of the coach's naming (a class or programme), so the coach can read
/// each cohort's rates side by side. Only clients whose consent is active are on the roster: a client who withdraws
/// drops off it, and the coach can file nobody who has not consented. Each entry carries the client's display name: a
/// client who consents shares it with the coach, as they would introduce themselves.
/// </summary>
public sealed class CoachRoster(AccountService accounts, IClientCohortStore cohorts)
{
    /// <summary>The most client accounts read at once while listing a roster.</summary>
    private const int ParallelReads = 8;

    /// <summary>
    /// <paramref name="coachId"/>'s consenting clients, in id order, with their cohorts (no display names: what whose
    /// figures a coach reads needs, without a read of every client's account).
    /// </summary>
    public async Task<IReadOnlyList<RosterEntry>> ListAsync(string coachId, CancellationToken cancellationToken)
    {
        var consents = await accounts.ListConsentingClientsAsync(coachId, cancellationToken).ConfigureAwait(false);
        if (consents.Count == 0)
        {
            return [];
        }

        var filed = await cohorts.ListForCoachAsync(coachId, cancellationToken).ConfigureAwait(false);
        return [.. consents.Select(consent => new RosterEntry(consent, filed.GetValueOrDefault(consent.ClientId)))];
    }

    /// <summary><see cref="ListAsync"/> with each client's display name, as the coach's client list shows them.</summary>
    public async Task<IReadOnlyList<RosterEntry>> ListNamedAsync(string coachId, CancellationToken cancellationToken)
    {
        var entries = await ListAsync(coachId, cancellationToken).ConfigureAwait(false);
        var named = new RosterEntry[entries.Count];
        await Parallel.ForAsync(
            0,
            entries.Count,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, ct) => named[i] = entries[i] with
            {
                ClientName = (await accounts.FindAccountAsync(entries[i].ClientId, ct).ConfigureAwait(false))?.DisplayName,
            }).ConfigureAwait(false);
        return named;
    }

    /// <summary>The cohort <paramref name="coachId"/> files <paramref name="clientId"/> under, or null (none, or no consent).</summary>
    public async Task<string?> CohortOfAsync(string coachId, string clientId, CancellationToken cancellationToken)
    {
        if (await accounts.FindConsentAsync(coachId, clientId, cancellationToken).ConfigureAwait(false) is not { IsActive: true })
        {
            return null;
        }

        return await cohorts.GetAsync(coachId, clientId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Files <paramref name="clientId"/> under <paramref name="cohort"/> (normalised by <see cref="CohortName"/>; null or
    /// blank takes them out of any cohort). Null when the client has no active consent to <paramref name="coachId"/>, so
    /// a coach learns nothing of accounts that are not their clients.
    /// </summary>
    /// <exception cref="DomainException">The cohort name is not acceptable (target <c>cohort</c>).</exception>
    public async Task<RosterEntry?> FileAsync(string coachId, string clientId, string? cohort, CancellationToken cancellationToken)
    {
        var name = CohortName.Parse(cohort, "cohort");
        if (await accounts.FindConsentAsync(coachId, clientId, cancellationToken).ConfigureAwait(false) is not { IsActive: true } consent)
        {
            return null;
        }

        await cohorts.PutAsync(coachId, clientId, name, cancellationToken).ConfigureAwait(false);
        var account = await accounts.FindAccountAsync(clientId, cancellationToken).ConfigureAwait(false);
        return new RosterEntry(consent, name, account?.DisplayName);
    }
}
