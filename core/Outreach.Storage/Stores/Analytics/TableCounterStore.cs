using Outreach.Core.Analytics.Counters;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Analytics;

/// <summary>
/// <see cref="ICounterStore"/> on one table, following the protocol in <see cref="ICounterStore"/>'s remarks exactly:
/// counter rows <c>{owner}|{kind}</c> / <c>{yyyy-MM-dd}|{value}</c>, and for each cell one entity-group transaction
/// that inserts the markers of its increments and updates the counter under If-Match (or inserts it), so a fact is
/// counted once even when events are redelivered or several appliers race on one cell (applying, in
/// <c>TableCounterStore.Apply.cs</c>).
/// </summary>
/// <param name="table">The counters table (e.g. <c>account.GetTable(StoreTableNames.Counters)</c>); it must exist.</param>
public sealed partial class TableCounterStore(TableClient table) : ICounterStore
{
    private const string MarkerPartitionProperty = "MarkerPartition";
    private const string MarkerRowProperty = "MarkerRow";

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <inheritdoc />
    public async Task<IReadOnlyList<CounterCell>> ReadAsync(
        string ownerId, DimensionKind kind, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var filter = TableFilter.Eq("PartitionKey", CounterKeys.Partition(ownerId, kind))
            .And(TableFilter.Ge("RowKey", CounterKeys.Day(firstDay)));
        if (lastDay < DateOnly.MaxValue)
        {
            // The last day there is has no next day to stop before; every cell sorts before its end anyway.
            filter = filter.And(TableFilter.Lt("RowKey", CounterKeys.Day(lastDay.AddDays(1))));
        }

        var cells = new List<CounterCell>();
        await foreach (var row in _table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var counters = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (name, _) in row)
            {
                counters[name] = row.GetInt64(name)!.Value;
            }

            cells.Add(new CounterCell(CounterKeys.ParseCell(ownerId, kind, row.RowKey), counters));
        }

        return cells;
    }

    /// <inheritdoc />
    public async Task<int> EraseSubjectAsync(string ownerId, string subjectId, CancellationToken cancellationToken)
    {
        var indexPartition = CounterKeys.SubjectPartition(ownerId, subjectId);
        var indexRows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync(TableFilter.Eq("PartitionKey", indexPartition), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            indexRows.Add(row);
        }

        var deleted = 0;
        foreach (var row in indexRows)
        {
            var markerPartition = row.GetString(MarkerPartitionProperty) ?? throw new FormatException($"Erasure row {row.RowKey} has no {MarkerPartitionProperty}.");
            var markerRow = row.GetString(MarkerRowProperty) ?? throw new FormatException($"Erasure row {row.RowKey} has no {MarkerRowProperty}.");
            deleted += await _table.DeleteAsync(markerPartition, markerRow, cancellationToken: cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        // The index rows go last: a crash before this point leaves them to name the markers on the next erasure.
        await _table.SubmitInBatchesAsync(
            indexRows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r)), cancellationToken).ConfigureAwait(false);
        return deleted;
    }
}
