using System.Collections.Concurrent;

namespace Outreach.Core.Accounts;

/// <summary>API key records held in memory: for tests and tools that need no storage.</summary>
public sealed class InMemoryApiKeyStore : IApiKeyStore
{
    private readonly ConcurrentDictionary<string, ApiKeyRecord> _keys = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<ApiKeyRecord?> GetAsync(string keyId, CancellationToken cancellationToken) =>
        Task.FromResult(_keys.GetValueOrDefault(keyId));

    /// <inheritdoc />
    public Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_keys.TryAdd(record.KeyId, record))
        {
            throw new InvalidOperationException("Key ids are random; a collision means the generator is broken.");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UpdateAsync(ApiKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        _keys[record.KeyId] = record;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string accountId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ApiKeyRecord>>(
            [.. _keys.Values.Where(k => string.Equals(k.AccountId, accountId, StringComparison.Ordinal)).OrderBy(k => k.CreatedAt)]);
}
