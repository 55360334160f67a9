using Outreach.Core.Analytics.Counters;
using Outreach.Storage.Stores.Analytics;
using Outreach.Storage.Tables;

namespace Outreach.Benchmarks.Metrics;

/// <summary>
/// Writes the counter cells of an in-memory store into the counters table in the table store's own layout
/// (<see cref="CounterKeys"/>), in batches: the same rows the recorder would have left after every event, without
/// a million round trips to build them. Dedupe markers are not copied: they sit after every date in the partition
/// (<c>~m|…</c>), so a day-range read never returns them.
/// </summary>
internal static class CounterTableSeeder
{
    public static async Task<int> CopyAsync(
        InMemoryCounterStore source, TableClient table, string ownerId, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var kind in Enum.GetValues<DimensionKind>())
        {
            var cells = await source.ReadAsync(ownerId, kind, firstDay, lastDay, cancellationToken);
            var entities = cells.Select(cell =>
            {
                var entity = new TableEntity(CounterKeys.Partition(ownerId, kind), CounterKeys.CellRow(cell.Key.Day, cell.Key.Value));
                foreach (var (name, value) in cell.Counters)
                {
                    entity[name] = value;
                }

                return entity;
            }).ToList();
            await table.UpsertInBatchesAsync(entities, TableUpdateMode.Replace, cancellationToken);
            written += entities.Count;
        }

        return written;
    }
}
