using Outreach.Core.Planning;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Planning;

/// <summary>
/// <see cref="ISuppressionStore"/> on the <c>Suppressions</c> table: one partition per owner, RowKey the key-encoded
/// <c>email:&lt;emailKey&gt;</c> or <c>contact:&lt;contactId&gt;</c> (an address may contain <c>/ # ?</c>), with Reason
/// and SuppressedUtc. Listing an owner is one partition query.
/// </summary>
/// <param name="table">The suppressions table (e.g. <c>account.GetTable(StoreTableNames.Suppressions)</c>); it must exist.</param>
public sealed class TableSuppressionStore(TableClient table) : ISuppressionStore
{
    private const string ReasonProperty = nameof(SuppressionEntry.Reason);
    private const string SuppressedUtcProperty = nameof(SuppressionEntry.SuppressedUtc);

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <inheritdoc />
    public Task AddAsync(SuppressionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entity = new TableEntity(TableKeyCodec.Encode(entry.OwnerId), TableKeyCodec.Encode(entry.Key))
        {
            [ReasonProperty] = entry.Reason,
            [SuppressedUtcProperty] = entry.SuppressedUtc,
        };
        return _table.UpsertAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(string ownerId, string key, CancellationToken cancellationToken) =>
        _table.DeleteAsync(TableKeyCodec.Encode(ownerId), TableKeyCodec.Encode(key), cancellationToken: cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<SuppressionEntry>> ListAsync(string ownerId, CancellationToken cancellationToken)
    {
        var entries = new List<SuppressionEntry>();
        var rows = _table.QueryAsync(TableFilter.Eq("PartitionKey", TableKeyCodec.Encode(ownerId)), cancellationToken: cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            entries.Add(new SuppressionEntry(
                ownerId,
                TableKeyCodec.Decode(row.RowKey),
                row.GetString(ReasonProperty) ?? string.Empty,
                row.GetDateTimeOffset(SuppressedUtcProperty) ?? DateTimeOffset.MinValue));
        }

        return [.. entries.OrderBy(e => e.Key, StringComparer.Ordinal)];
    }
}
