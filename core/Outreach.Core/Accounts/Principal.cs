namespace Outreach.Core.Accounts;

/// <summary>Who is calling: the account behind a verified API key, and what that key allows.</summary>
/// <param name="AccountId">The calling account.</param>
/// <param name="Kind">Owner, coach or admin.</param>
/// <param name="Scopes">The scopes of the key used.</param>
public sealed record Principal(string AccountId, AccountKind Kind, ApiScopes Scopes)
{
    /// <summary>True when the key carries every scope in <paramref name="required"/>.</summary>
    public bool Has(ApiScopes required) => (Scopes & required) == required;
}
