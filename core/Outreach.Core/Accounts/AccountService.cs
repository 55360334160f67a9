namespace Outreach.Core.Accounts;

/// <summary>
/// Creates accounts, issues and revokes API keys, and records clients' consents to coaches. It decides nothing
/// about who may call it: the API checks that (an owner manages their own keys; admins create accounts).
/// </summary>
public sealed class AccountService(IAccountStore accounts, IApiKeyStore keys, IConsentStore consents, TimeProvider time)
{
    /// <summary>The longest display name or key name accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Creates an account, or returns the existing one with that id (so set-up scripts can run twice).</summary>
    /// <returns>The account and whether it was created by this call.</returns>
    public async Task<(Account Account, bool Created)> CreateAccountAsync(
        string accountId, AccountKind kind, string displayName, string? timeZone, CancellationToken cancellationToken)
    {
        AccountIds.Require(accountId, "id");
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("account.bad-kind", "An account is an owner, a coach or an admin.", "kind");
        }

        var name = RequireName(displayName, "name");
        var zone = string.IsNullOrWhiteSpace(timeZone) ? "UTC" : timeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw new DomainException("account.bad-time-zone", "The time zone is not a known IANA time zone id.", "timeZone");
        }

        var account = new Account(accountId, kind, name, zone, time.GetUtcNow());
        if (await accounts.TryAddAsync(account, cancellationToken).ConfigureAwait(false))
        {
            return (account, true);
        }

        var existing = await accounts.GetAsync(accountId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The account store refused an id it does not hold.");
        return existing.Kind == kind
            ? (existing, false)
            : throw new DomainException("account.exists", $"Account id is taken by a {existing.Kind.ToString().ToLowerInvariant()} account.", "id");
    }

    /// <summary>The account, or null when there is none.</summary>
    public Task<Account?> FindAccountAsync(string accountId, CancellationToken cancellationToken) =>
        AccountIds.IsValid(accountId) ? accounts.GetAsync(accountId, cancellationToken) : Task.FromResult<Account?>(null);

    /// <summary>Issues a key for an existing account. The plain text is in the result and nowhere else.</summary>
    /// <param name="accountId">The account the key acts as.</param>
    /// <param name="scopes">What it may do; <see cref="ApiScopes.Admin"/> only for admin accounts.</param>
    /// <param name="name">A label for the key.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    public async Task<IssuedApiKey> IssueKeyAsync(string accountId, ApiScopes scopes, string? name, CancellationToken cancellationToken)
    {
        var account = await FindAccountAsync(accountId, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException("account.not-found", "There is no such account.", "accountId");
        if ((scopes & ~(ApiScopes.OwnerDefault | ApiScopes.Admin)) != 0)
        {
            throw new DomainException("apikey.bad-scopes", "Scopes are read, write, send and admin.", "scopes");
        }

        if ((scopes & ApiScopes.Admin) != 0 && account.Kind != AccountKind.Admin)
        {
            throw new DomainException("apikey.admin-scope", "Only admin accounts get keys with the admin scope.", "scopes");
        }

        var label = string.IsNullOrWhiteSpace(name) ? "key" : RequireName(name, "name");
        var (plainText, record) = ApiKeys.Issue(account.AccountId, scopes, label, time);
        await keys.AddAsync(record, cancellationToken).ConfigureAwait(false);
        return new IssuedApiKey(plainText, ApiKeySummary.Of(record));
    }

    /// <summary>True when <paramref name="plainText"/> is an unrevoked key of <paramref name="accountId"/>.</summary>
    public async Task<bool> IsActiveKeyAsync(string accountId, string plainText, CancellationToken cancellationToken) =>
        ApiKeys.TryParse(plainText, out var keyId, out _)
        && await keys.GetAsync(keyId, cancellationToken).ConfigureAwait(false) is { } record
        && string.Equals(record.AccountId, accountId, StringComparison.Ordinal)
        && ApiKeys.Verify(plainText, record);

    /// <summary>Revokes one of <paramref name="accountId"/>'s keys; false when it has no such key (someone else's included).</summary>
    public async Task<bool> RevokeKeyAsync(string accountId, string keyId, CancellationToken cancellationToken)
    {
        var record = await keys.GetAsync(keyId, cancellationToken).ConfigureAwait(false);
        if (record is null || !string.Equals(record.AccountId, accountId, StringComparison.Ordinal))
        {
            return false;
        }

        if (record.IsActive)
        {
            await keys.UpdateAsync(record with { RevokedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary><paramref name="accountId"/>'s keys, oldest first, without secrets or hashes.</summary>
    public async Task<IReadOnlyList<ApiKeySummary>> ListKeysAsync(string accountId, CancellationToken cancellationToken) =>
        [.. (await keys.ListAsync(accountId, cancellationToken).ConfigureAwait(false)).OrderBy(k => k.CreatedAt).Select(ApiKeySummary.Of)];

    /// <summary>Records that <paramref name="clientId"/> lets <paramref name="coachId"/> act on their data with <paramref name="scopes"/>.</summary>
    public async Task<CoachConsent> GrantConsentAsync(string clientId, string coachId, ApiScopes scopes, CancellationToken cancellationToken)
    {
        AccountIds.Require(coachId, "coachId");
        if (scopes == ApiScopes.None || (scopes & ~ApiScopes.OwnerDefault) != 0)
        {
            throw new DomainException("consent.bad-scopes", "A coach may be given read, write and send; never admin.", "scopes");
        }

        var coach = await accounts.GetAsync(coachId, cancellationToken).ConfigureAwait(false);
        if (coach is not { Kind: AccountKind.Coach })
        {
            throw new DomainException("consent.not-a-coach", "There is no coach with that id.", "coachId");
        }

        var consent = new CoachConsent(clientId, coachId, scopes, time.GetUtcNow());
        await consents.PutAsync(consent, cancellationToken).ConfigureAwait(false);
        return consent;
    }

    /// <summary>Withdraws <paramref name="clientId"/>'s consent to <paramref name="coachId"/>; false when none is active.</summary>
    public async Task<bool> RevokeConsentAsync(string clientId, string coachId, CancellationToken cancellationToken)
    {
        var consent = await FindConsentAsync(coachId, clientId, cancellationToken).ConfigureAwait(false);
        if (consent is not { IsActive: true })
        {
            return false;
        }

        await consents.PutAsync(consent with { RevokedAt = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The consent a client gave a coach, or null (also for malformed ids).</summary>
    public Task<CoachConsent?> FindConsentAsync(string coachId, string clientId, CancellationToken cancellationToken) =>
        AccountIds.IsValid(coachId) && AccountIds.IsValid(clientId)
            ? consents.GetAsync(coachId, clientId, cancellationToken)
            : Task.FromResult<CoachConsent?>(null);

    /// <summary>The clients whose consent to <paramref name="coachId"/> is active; never anyone else.</summary>
    public async Task<IReadOnlyList<CoachConsent>> ListConsentingClientsAsync(string coachId, CancellationToken cancellationToken) =>
        [.. (await consents.ListForCoachAsync(coachId, cancellationToken).ConfigureAwait(false)).Where(c => c.IsActive).OrderBy(c => c.ClientId, StringComparer.Ordinal)];

    private static string RequireName(string? value, string target)
    {
        var trimmed = value?.Trim();
        return trimmed is { Length: > 0 and <= MaxNameLength }
            ? trimmed
            : throw new DomainException("account.bad-name", $"A name is 1 to {MaxNameLength} characters.", target);
    }
}
