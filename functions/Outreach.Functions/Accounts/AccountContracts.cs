using Outreach.Core.Accounts;

namespace Outreach.Functions.Accounts;

/// <summary>Body of <c>POST /api/accounts</c>.</summary>
internal sealed record CreateAccountRequest(string? Id, string? Kind, string? Name, string? TimeZone);

/// <summary>An account as the API shows it.</summary>
internal sealed record AccountResponse(string Id, string Kind, string Name, string TimeZone, string? CoachId, DateTimeOffset CreatedAt)
{
    public static AccountResponse Of(Account account) => new(
        account.AccountId, account.Kind.ToString().ToLowerInvariant(), account.DisplayName, account.TimeZone, account.CoachId, account.CreatedAt);
}

/// <summary>Body of <c>POST /api/keys</c>; <see cref="AccountId"/> other than the caller's is for admins.</summary>
internal sealed record IssueKeyRequest(string? Name, IReadOnlyList<string>? Scopes, string? AccountId);

/// <summary>A key as the API lists it: never its secret or hash.</summary>
internal sealed record ApiKeyResponse(string KeyId, string AccountId, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyResponse Of(ApiKeySummary key) =>
        new(key.KeyId, key.AccountId, key.Name, ApiScopeNames.Format(key.Scopes), key.CreatedAt, key.RevokedAt);
}

/// <summary>A newly issued key: <see cref="Key"/> is the only time the plain text is shown.</summary>
internal sealed record IssuedKeyResponse(string Key, ApiKeyResponse Details);

/// <summary>Body of <c>POST /api/consents</c> (JSON, or a form with the same field names and <c>scopes</c> repeated).</summary>
internal sealed record GrantConsentRequest(string? CoachId, IReadOnlyList<string>? Scopes);

/// <summary>
/// A consent as the API shows it; on the coach's side (<c>GET /api/coach/clients</c>, <c>PUT
/// /api/coach/clients/{clientId}/cohort</c>) with the cohort the coach files the client under and the name the client's
/// account shows (<c>clientName</c>; null on the client's own side).
/// </summary>
internal sealed record ConsentResponse(
    string ClientId, string CoachId, IReadOnlyList<string> Scopes, DateTimeOffset GrantedAt, DateTimeOffset? RevokedAt, string? Cohort = null, string? ClientName = null)
{
    public static ConsentResponse Of(CoachConsent consent) =>
        new(consent.ClientId, consent.CoachId, ApiScopeNames.Format(consent.Scopes), consent.GrantedAt, consent.RevokedAt);

    public static ConsentResponse Of(RosterEntry entry) => Of(entry.Consent) with { Cohort = entry.Cohort, ClientName = entry.ClientName };
}

/// <summary>Body of <c>PUT /api/coach/clients/{clientId}/cohort</c>: the cohort's name, or null or blank for none.</summary>
internal sealed record FileClientRequest(string? Cohort);
