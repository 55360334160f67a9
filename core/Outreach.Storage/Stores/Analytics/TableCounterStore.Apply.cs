using Outreach.Core.Analytics.Counters;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Analytics;

public sealed partial class TableCounterStore
{
    /// <summary>Markers one transaction inserts beside its counter update (a transaction holds 100 actions).</summary>
    private const int MarkersPerTransaction = 99;

    /// <inheritdoc />
    /// <remarks>
    /// Takes the increments of one event or of many at once (an import's contacts met): first the erasure index, one
    /// transaction per contact, then for each cell one read and one transaction holding up to 99 of its markers and
    /// the counter update with their deltas summed; contacts and cells go 16 at a time. A thousand contacts' meetings
    /// cost about a thousand index writes and a few requests per cell, not three requests per increment.
    /// </remarks>
    /// <exception cref="StorageConcurrencyException">One cell stayed contended for every attempt; retrying the list is safe.</exception>
    public async Task<int> ApplyAsync(IReadOnlyList<CounterIncrement> increments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(increments);
        foreach (var increment in increments)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(increment.Delta);
        }

        // One marker per fact, cell and counter: the same one twice in the list counts once, as it would one after the other.
        var pending = increments
            .Select(i => new PendingIncrement(i, CounterKeys.Partition(i.Cell.OwnerId, i.Cell.Kind), CounterKeys.CellRow(i.Cell.Day, i.Cell.Value), CounterKeys.MarkerRow(i)))
            .DistinctBy(p => (p.Partition, p.MarkerRow))
            .ToList();
        if (pending.Count == 0)
        {
            return 0;
        }

        // The erasure index first, as the protocol says: no marker exists without the row that lets erasure find it.
        var index = pending
            .Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, IndexRow(p)))
            .GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(contact => contact.Chunk(MarkersPerTransaction + 1))
            .ToList();
        await BoundedRequests.ForEachAsync(index, async (chunk, ct) => await _table.SubmitTransactionAsync(chunk, ct).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);

        // Then each cell: its chunks one after the other (they share the counter's ETag), the cells side by side.
        var cells = pending.GroupBy(p => (p.Partition, p.CellRow)).Select(cell => cell.ToList()).ToList();
        var applied = await BoundedRequests.SelectAsync(cells, ApplyToCellAsync, cancellationToken).ConfigureAwait(false);
        return applied.Sum();
    }

    private static TableEntity IndexRow(PendingIncrement increment) =>
        new(CounterKeys.SubjectPartition(increment.Increment.Dedupe.OwnerId, increment.Increment.Dedupe.SubjectId), CounterKeys.SubjectRow(increment.Partition, increment.MarkerRow))
        {
            [MarkerPartitionProperty] = increment.Partition,
            [MarkerRowProperty] = increment.MarkerRow,
        };

    private async Task<int> ApplyToCellAsync(List<PendingIncrement> increments, CancellationToken cancellationToken)
    {
        var applied = 0;
        foreach (var chunk in increments.Chunk(MarkersPerTransaction))
        {
            applied += await ApplyChunkAsync([.. chunk], cancellationToken).ConfigureAwait(false);
        }

        return applied;
    }

    /// <summary>
    /// One transaction on the cell's partition: insert every marker, then update the counter by their summed deltas
    /// under If-Match (or insert it). A marker that exists means its fact was counted before: that increment is dropped
    /// (with any other already counted, found by reading the markers) and the rest tried again. A counter changed by
    /// another writer (412, or 409 on its insert) re-reads the cell and retries.
    /// </summary>
    private Task<int> ApplyChunkAsync(List<PendingIncrement> chunk, CancellationToken cancellationToken) =>
        ConditionalWrites.RetryOnConflictAsync(
            async ct =>
            {
                while (chunk.Count > 0)
                {
                    var (partition, cellRow) = (chunk[0].Partition, chunk[0].CellRow);
                    var cell = await _table.GetAsync(partition, cellRow, ct).ConfigureAwait(false);
                    var counter = new TableEntity(partition, cellRow);
                    foreach (var increment in chunk)
                    {
                        var name = increment.Increment.Counter;
                        counter[name] = (counter.GetInt64(name) ?? cell?.GetInt64(name) ?? 0) + increment.Increment.Delta;
                    }

                    var actions = chunk
                        .Select(p => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, p.MarkerRow)))
                        .Append(cell is null
                            ? new TableTransactionAction(TableTransactionActionType.Add, counter)
                            : new TableTransactionAction(TableTransactionActionType.UpdateMerge, counter, cell.ETag))
                        .ToList();
                    try
                    {
                        await _table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                        return chunk.Count;
                    }
                    catch (StorageConcurrencyException e) when (e.FailedActionIndex is { } failed && failed < chunk.Count)
                    {
                        chunk = await NotCountedAsync(chunk, failed, ct).ConfigureAwait(false);
                    }
                }

                return 0;
            },
            "Applying counter increments",
            cancellationToken);

    /// <summary>The increments whose markers do not exist yet (the one that failed the transaction is dropped whatever a read says).</summary>
    private async Task<List<PendingIncrement>> NotCountedAsync(List<PendingIncrement> chunk, int failed, CancellationToken cancellationToken)
    {
        var exists = await BoundedRequests.SelectAsync(
            chunk, async (p, ct) => await _table.GetAsync(p.Partition, p.MarkerRow, ct).ConfigureAwait(false) is not null, cancellationToken).ConfigureAwait(false);
        return [.. chunk.Where((_, i) => i != failed && !exists[i])];
    }

    /// <summary>An increment with its counter's partition and row and its marker's row.</summary>
    private sealed record PendingIncrement(CounterIncrement Increment, string Partition, string CellRow, string MarkerRow);
}
