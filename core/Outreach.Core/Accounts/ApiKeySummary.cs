namespace Outreach.Core.Accounts;

/// <summary>What may be shown about a key: never its secret or hash.</summary>
/// <param name="KeyId">The public key id.</param>
/// <param name="AccountId">The account the key acts as.</param>
/// <param name="Name">The label the user chose.</param>
/// <param name="Scopes">What it may do.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="RevokedAt">When it was revoked, or null while usable.</param>
public sealed record ApiKeySummary(string KeyId, string AccountId, string Name, ApiScopes Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>The summary of a stored key.</summary>
    public static ApiKeySummary Of(ApiKeyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.KeyId, record.AccountId, record.Name, record.Scopes, record.CreatedAt, record.RevokedAt);
    }
}
