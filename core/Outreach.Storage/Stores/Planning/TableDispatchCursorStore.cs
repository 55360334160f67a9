using Outreach.Core.Planning;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Planning;

/// <summary>
/// <see cref="IDispatchCursorStore"/> on the <c>DispatchCursor</c> table: one row (<paramref name="scan"/> / <c>cursor</c>)
/// holding Cursor, <c>dispatch</c> for the dispatcher's due scan and <see cref="SendSweepScan"/> for the stuck-send
/// sweeper's watch scan. Both are Functions timers (singletons), so a plain upsert is enough.
/// </summary>
/// <param name="table">The cursor table (e.g. <c>account.GetTable(StoreTableNames.DispatchCursor)</c>); it must exist.</param>
/// <param name="scan">Whose cursor: the row's partition key.</param>
public sealed class TableDispatchCursorStore(TableClient table, string scan = TableDispatchCursorStore.DispatchScan) : IDispatchCursorStore
{
    /// <summary>The dispatcher's row.</summary>
    public const string DispatchScan = "dispatch";

    /// <summary>The stuck-send sweeper's row.</summary>
    public const string SendSweepScan = "send-sweep";

    private const string RowKey = "cursor";
    private const string CursorProperty = "Cursor";

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));
    private readonly string _partitionKey = scan;

    /// <inheritdoc />
    public async Task<DateTimeOffset?> ReadAsync(CancellationToken cancellationToken)
    {
        var row = await _table.GetAsync(_partitionKey, RowKey, cancellationToken).ConfigureAwait(false);
        return row?.GetDateTimeOffset(CursorProperty);
    }

    /// <inheritdoc />
    public Task WriteAsync(DateTimeOffset cursor, CancellationToken cancellationToken) =>
        _table.UpsertAsync(new TableEntity(_partitionKey, RowKey) { [CursorProperty] = cursor }, TableUpdateMode.Replace, cancellationToken);
}
