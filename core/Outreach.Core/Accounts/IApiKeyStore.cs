namespace Outreach.Core.Accounts;

/// <summary>Where API key records (hashes, never keys) are kept; looked up by key id in one read.</summary>
public interface IApiKeyStore
{
    /// <summary>The key's record, or null when there is none.</summary>
    Task<ApiKeyRecord?> GetAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>Adds a newly issued key.</summary>
    Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken);

    /// <summary>Replaces a key's record (to revoke it).</summary>
    Task UpdateAsync(ApiKeyRecord record, CancellationToken cancellationToken);

    /// <summary>Every key issued to <paramref name="accountId"/>, revoked ones included.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string accountId, CancellationToken cancellationToken);
}
