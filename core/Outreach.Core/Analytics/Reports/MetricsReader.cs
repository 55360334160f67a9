using Outreach.Core.Analytics.Counters;

namespace Outreach.Core.Analytics.Reports;

/// <summary>
/// Answers metrics queries from the counters alone: it reads one dimension's cells per owner for the days in range
/// and sums them per group, so its cost is owners × days × groups, whatever the number of tasks behind them. Weeks
/// and cohorts are read from the owner cells: a week from each cell's day, a cohort from the owner's filing in the query.
/// </summary>
/// <param name="store">Where the counters live.</param>
public sealed class MetricsReader(ICounterStore store)
{
    /// <summary>
    /// How many owners' counters are read at once: a coach view covers every consenting client, and one query after
    /// another made a coach with a large cohort wait for each in turn.
    /// </summary>
    public const int OwnersReadAtOnce = 8;

    /// <summary>Reads the report for <paramref name="query"/>.</summary>
    /// <param name="query">A validated query.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<MetricsReport> ReadAsync(MetricsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var kind = KindFor(query.GroupBy);
        var groups = new Dictionary<string, CounterTotals>(StringComparer.Ordinal);
        foreach (var owners in query.OwnerIds.Chunk(OwnersReadAtOnce))
        {
            var read = await Task.WhenAll(owners.Select(ownerId => store.ReadAsync(ownerId, kind, query.From, query.To, cancellationToken)));
            for (var i = 0; i < owners.Length; i++)
            {
                Add(groups, owners[i], read[i], query);
            }
        }

        var rows = groups
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Value.ToRow(g.Key))
            .ToArray();
        return new MetricsReport(query, rows);
    }

    /// <summary>Adds <paramref name="ownerId"/>'s <paramref name="cells"/> to their groups.</summary>
    private static void Add(Dictionary<string, CounterTotals> groups, string ownerId, IReadOnlyList<CounterCell> cells, MetricsQuery query)
    {
        foreach (var cell in cells)
        {
            var key = query.GroupBy switch
            {
                MetricsGroupBy.Week => IsoWeekKey.Of(cell.Key.Day),
                MetricsGroupBy.Cohort => DimensionValue.Of(query.Cohorts.GetValueOrDefault(ownerId)),
                MetricsGroupBy.Template => TemplateGroupKey.Of(cell.Key.Value),
                _ => cell.Key.Value,
            };
            if (!groups.TryGetValue(key, out var totals))
            {
                groups[key] = totals = new CounterTotals();
            }

            totals.Add(cell, query.AsOf);
        }
    }

    private static DimensionKind KindFor(MetricsGroupBy groupBy) => groupBy switch
    {
        MetricsGroupBy.Owner or MetricsGroupBy.Week or MetricsGroupBy.Cohort => DimensionKind.Owner,
        MetricsGroupBy.Event => DimensionKind.Event,
        MetricsGroupBy.Campaign => DimensionKind.Campaign,
        MetricsGroupBy.Step => DimensionKind.Step,
        MetricsGroupBy.Template => DimensionKind.Template,
        _ => throw new ArgumentOutOfRangeException(nameof(groupBy), groupBy, "Unknown grouping."),
    };
}
