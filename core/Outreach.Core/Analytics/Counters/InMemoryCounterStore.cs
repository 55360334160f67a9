namespace Outreach.Core.Analytics.Counters;

/// <summary>
/// The counter store in process memory: for the local single-process run, tests and benchmarks. It keeps the same
/// contract as the table-storage store (idempotent per dedupe key, cell and counter; reads walk the days asked for,
/// not the history) and counts the cells it has read so tests can check that reads do not grow with history.
/// Thread-safe.
/// </summary>
public sealed class InMemoryCounterStore : ICounterStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Owner, DimensionKind Kind), Dictionary<DateOnly, Dictionary<string, Dictionary<string, long>>>> _cells = [];
    private readonly HashSet<Marker> _markers = [];
    private readonly Dictionary<(string Owner, string Subject), List<Marker>> _markersBySubject = [];
    private long _cellsRead;

    /// <summary>Cells returned by <see cref="ReadAsync"/> since this store was created.</summary>
    public long CellsRead => Interlocked.Read(ref _cellsRead);

    /// <summary>Dedupe markers currently held.</summary>
    public int MarkerCount
    {
        get
        {
            lock (_gate)
            {
                return _markers.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task<int> ApplyAsync(IReadOnlyList<CounterIncrement> increments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(increments);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var increment in increments)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(increment.Delta);
        }

        var applied = 0;
        lock (_gate)
        {
            foreach (var increment in increments)
            {
                var marker = new Marker(increment.Dedupe, increment.Cell, increment.Counter);
                if (!_markers.Add(marker))
                {
                    continue;
                }

                var subjectKey = (increment.Dedupe.OwnerId, increment.Dedupe.SubjectId);
                if (!_markersBySubject.TryGetValue(subjectKey, out var subjectMarkers))
                {
                    _markersBySubject[subjectKey] = subjectMarkers = [];
                }

                subjectMarkers.Add(marker);
                var counters = CountersOf(increment.Cell);
                counters[increment.Counter] = counters.GetValueOrDefault(increment.Counter) + increment.Delta;
                applied++;
            }
        }

        return Task.FromResult(applied);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CounterCell>> ReadAsync(
        string ownerId, DimensionKind kind, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var cells = new List<CounterCell>();
        lock (_gate)
        {
            if (_cells.TryGetValue((ownerId, kind), out var days))
            {
                // Walk the requested days, never the stored ones: the cost is days x values in range.
                for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
                {
                    if (!days.TryGetValue(day, out var values))
                    {
                        continue;
                    }

                    foreach (var (value, counters) in values)
                    {
                        cells.Add(new CounterCell(new CellKey(ownerId, day, kind, value), new Dictionary<string, long>(counters)));
                    }
                }
            }
        }

        Interlocked.Add(ref _cellsRead, cells.Count);
        return Task.FromResult<IReadOnlyList<CounterCell>>(cells);
    }

    /// <inheritdoc />
    public Task<int> EraseSubjectAsync(string ownerId, string subjectId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_markersBySubject.Remove((ownerId, subjectId), out var subjectMarkers))
            {
                return Task.FromResult(0);
            }

            foreach (var marker in subjectMarkers)
            {
                _markers.Remove(marker);
            }

            return Task.FromResult(subjectMarkers.Count);
        }
    }

    private Dictionary<string, long> CountersOf(CellKey cell)
    {
        if (!_cells.TryGetValue((cell.OwnerId, cell.Kind), out var days))
        {
            _cells[(cell.OwnerId, cell.Kind)] = days = [];
        }

        if (!days.TryGetValue(cell.Day, out var values))
        {
            days[cell.Day] = values = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        }

        if (!values.TryGetValue(cell.Value, out var counters))
        {
            values[cell.Value] = counters = new Dictionary<string, long>(StringComparer.Ordinal);
        }

        return counters;
    }

    private readonly record struct Marker(DedupeKey Dedupe, CellKey Cell, string Counter);
}
