using Outreach.Core.Analytics.Counters;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Analytics;

/// <summary>
/// <see cref="ICounterStore"/> on one table, following the protocol in <see cref="ICounterStore"/>'s remarks exactly:
/// counter rows <c>{owner}|{kind}</c> / <c>{yyyy-MM-dd}|{value}</c>, and for each increment one entity-group transaction
/// that inserts its marker and updates the counter under If-Match (or inserts it), so a fact is counted once even when
/// events are redelivered or several appliers race on one cell.
/// </summary>
/// <param name="table">The counters table (e.g. <c>account.GetTable(StoreTableNames.Counters)</c>); it must exist.</param>
public sealed class TableCounterStore(TableClient table) : ICounterStore
{
    private const string MarkerPartitionProperty = "MarkerPartition";
    private const string MarkerRowProperty = "MarkerRow";

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <inheritdoc />
    /// <exception cref="StorageConcurrencyException">One cell stayed contended for every attempt; retrying the list is safe.</exception>
    public async Task<int> ApplyAsync(IReadOnlyList<CounterIncrement> increments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(increments);
        foreach (var increment in increments)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(increment.Delta);
        }

        var applied = 0;
        foreach (var increment in increments)
        {
            applied += await ApplyOneAsync(increment, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return applied;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CounterCell>> ReadAsync(
        string ownerId, DimensionKind kind, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var filter = TableFilter.Eq("PartitionKey", CounterKeys.Partition(ownerId, kind))
            .And(TableFilter.Ge("RowKey", CounterKeys.Day(firstDay)))
            .And(TableFilter.Lt("RowKey", CounterKeys.Day(lastDay.AddDays(1))));
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

    private async Task<bool> ApplyOneAsync(CounterIncrement increment, CancellationToken cancellationToken)
    {
        var partition = CounterKeys.Partition(increment.Cell.OwnerId, increment.Cell.Kind);
        var cellRow = CounterKeys.CellRow(increment.Cell.Day, increment.Cell.Value);
        var markerRow = CounterKeys.MarkerRow(increment);
        await _table.UpsertAsync(
            new TableEntity(CounterKeys.SubjectPartition(increment.Dedupe.OwnerId, increment.Dedupe.SubjectId), CounterKeys.SubjectRow(partition, markerRow))
            {
                [MarkerPartitionProperty] = partition,
                [MarkerRowProperty] = markerRow,
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);

        return await ConditionalWrites.RetryOnConflictAsync(
            async ct =>
            {
                var cell = await _table.GetAsync(partition, cellRow, ct).ConfigureAwait(false);
                var counter = new TableEntity(partition, cellRow) { [increment.Counter] = (cell?.GetInt64(increment.Counter) ?? 0) + increment.Delta };
                TableTransactionAction[] actions =
                [
                    new(TableTransactionActionType.Add, new TableEntity(partition, markerRow)),
                    cell is null
                        ? new(TableTransactionActionType.Add, counter)
                        : new(TableTransactionActionType.UpdateMerge, counter, cell.ETag),
                ];
                try
                {
                    await _table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                    return true;
                }
                catch (StorageConcurrencyException e) when (e.FailedActionIndex == 0)
                {
                    return false; // the marker exists: this fact was counted before
                }
            },
            "Applying a counter increment",
            cancellationToken).ConfigureAwait(false);
    }
}
