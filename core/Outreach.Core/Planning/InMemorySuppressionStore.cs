using System.Collections.Concurrent;

namespace Outreach.Core.Planning;

/// <summary>Suppressions held in memory per owner, like the table: for tests and single-process runs.</summary>
public sealed class InMemorySuppressionStore : ISuppressionStore
{
    private readonly ConcurrentDictionary<(string Owner, string Key), SuppressionEntry> _entries = new();

    /// <inheritdoc />
    public Task AddAsync(SuppressionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries[(entry.OwnerId, entry.Key)] = entry;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(string ownerId, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_entries.TryRemove((ownerId, key), out _));

    /// <inheritdoc />
    public Task<IReadOnlyList<SuppressionEntry>> ListAsync(string ownerId, CancellationToken cancellationToken)
    {
        IReadOnlyList<SuppressionEntry> entries =
            [.. _entries.Values.Where(e => string.Equals(e.OwnerId, ownerId, StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal)];
        return Task.FromResult(entries);
    }
}
