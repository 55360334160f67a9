using Outreach.Core.Planning;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Planning;

/// <summary>
/// <see cref="IDueIndex"/> on the <c>DueIndex</c> table: PartitionKey the 5-minute bucket key (<see cref="DueBuckets"/>),
/// RowKey <c>ownerId|taskId</c> with each part key-encoded so a <c>|</c> or <c>/ \ # ?</c> inside an id can neither
/// break the key rules nor be confused with the separator. Reading a bucket is one partition query.
/// </summary>
/// <param name="table">The due-index table (e.g. <c>account.GetTable(StoreTableNames.DueIndex)</c>); it must exist.</param>
public sealed class TableDueIndex(TableClient table) : IDueIndex
{
    private const string OwnerIdProperty = nameof(DueIndexEntry.OwnerId);
    private const string TaskIdProperty = nameof(DueIndexEntry.TaskId);
    private const string DueUtcProperty = nameof(DueIndexEntry.DueUtc);

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <inheritdoc />
    public Task UpsertAsync(DueIndexEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _table.UpsertAsync(ToEntity(entry), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Upserts many entries in transactions of up to 100 per bucket (for bulk planning and re-indexing).</summary>
    /// <returns>How many transactions were sent.</returns>
    public Task<int> UpsertManyAsync(IEnumerable<DueIndexEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return _table.UpsertInBatchesAsync(entries.Select(ToEntity), TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    public Task RemoveAsync(DueIndexEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _table.DeleteAsync(entry.BucketKey, RowKey(entry.OwnerId, entry.TaskId), cancellationToken: cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DueIndexEntry>> ReadBucketAsync(string bucketKey, CancellationToken cancellationToken)
    {
        var entries = new List<DueIndexEntry>();
        var rows = _table.QueryAsync(TableFilter.Eq("PartitionKey", bucketKey), [OwnerIdProperty, TaskIdProperty, DueUtcProperty], cancellationToken: cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            entries.Add(new DueIndexEntry(
                bucketKey,
                row.GetString(OwnerIdProperty) ?? throw Missing(row, OwnerIdProperty),
                row.GetString(TaskIdProperty) ?? throw Missing(row, TaskIdProperty),
                row.GetDateTimeOffset(DueUtcProperty) ?? throw Missing(row, DueUtcProperty)));
        }

        return entries;
    }

    internal static string RowKey(string ownerId, string taskId) => TableKeyCodec.Join(ownerId, taskId);

    private static TableEntity ToEntity(DueIndexEntry entry) => new(entry.BucketKey, RowKey(entry.OwnerId, entry.TaskId))
    {
        [OwnerIdProperty] = entry.OwnerId,
        [TaskIdProperty] = entry.TaskId,
        [DueUtcProperty] = entry.DueUtc,
    };

    private static FormatException Missing(TableEntity row, string property) =>
        new($"Due-index row {row.PartitionKey}/{row.RowKey} has no {property}.");
}
