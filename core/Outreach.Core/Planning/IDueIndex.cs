namespace Outreach.Core.Planning;

/// <summary>
/// The due index, partitioned by time bucket. The storage implementation is a table with PartitionKey = bucket key and
/// RowKey = <c>owner|taskId</c>; see <c>Campaigns/README.md</c>.
/// </summary>
public interface IDueIndex
{
    /// <summary>Adds or replaces an entry (upsert: re-indexing the same task is harmless).</summary>
    Task UpsertAsync(DueIndexEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes an entry; removing a missing entry is not an error (a redelivered dispatch may repeat it).</summary>
    Task RemoveAsync(DueIndexEntry entry, CancellationToken cancellationToken);

    /// <summary>Every entry in one bucket (one partition query).</summary>
    Task<IReadOnlyList<DueIndexEntry>> ReadBucketAsync(string bucketKey, CancellationToken cancellationToken);
}
