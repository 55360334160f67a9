using System.Collections.Concurrent;

namespace Outreach.Core.Planning;

/// <summary>The due index held in memory, bucket by bucket like the table: for tests, benchmarks and single-process runs.</summary>
public sealed class InMemoryDueIndex : IDueIndex
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, DueIndexEntry>> _buckets = new(StringComparer.Ordinal);

    /// <summary>How many entries the index holds.</summary>
    public int Count => _buckets.Values.Sum(b => b.Count);

    /// <inheritdoc />
    public Task UpsertAsync(DueIndexEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _buckets.GetOrAdd(entry.BucketKey, _ => new ConcurrentDictionary<string, DueIndexEntry>(StringComparer.Ordinal))[entry.RowKey] = entry;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RemoveAsync(DueIndexEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_buckets.TryGetValue(entry.BucketKey, out var bucket))
        {
            bucket.TryRemove(entry.RowKey, out _);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DueIndexEntry>> ReadBucketAsync(string bucketKey, CancellationToken cancellationToken)
    {
        IReadOnlyList<DueIndexEntry> entries = _buckets.TryGetValue(bucketKey, out var bucket)
            ? [.. bucket.Values.OrderBy(e => e.RowKey, StringComparer.Ordinal)]
            : [];
        return Task.FromResult(entries);
    }
}
