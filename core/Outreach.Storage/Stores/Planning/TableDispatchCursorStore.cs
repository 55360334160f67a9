using Outreach.Core.Planning;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Planning;

/// <summary>
/// <see cref="IDispatchCursorStore"/> on the <c>DispatchCursor</c> table: one row (<c>dispatch</c> / <c>cursor</c>) holding
/// Cursor. The dispatcher is a Functions timer (a singleton), so a plain upsert is enough.
/// </summary>
/// <param name="table">The cursor table (e.g. <c>account.GetTable(StoreTableNames.DispatchCursor)</c>); it must exist.</param>
public sealed class TableDispatchCursorStore(TableClient table) : IDispatchCursorStore
{
    private const string PartitionKey = "dispatch";
    private const string RowKey = "cursor";
    private const string CursorProperty = "Cursor";

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <inheritdoc />
    public async Task<DateTimeOffset?> ReadAsync(CancellationToken cancellationToken)
    {
        var row = await _table.GetAsync(PartitionKey, RowKey, cancellationToken).ConfigureAwait(false);
        return row?.GetDateTimeOffset(CursorProperty);
    }

    /// <inheritdoc />
    public Task WriteAsync(DateTimeOffset cursor, CancellationToken cancellationToken) =>
        _table.UpsertAsync(new TableEntity(PartitionKey, RowKey) { [CursorProperty] = cursor }, TableUpdateMode.Replace, cancellationToken);
}
