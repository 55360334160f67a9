namespace Outreach.Core.Analytics.Counters;

/// <summary>A cell as read back: its key and the counters it holds (absent counters are zero).</summary>
/// <param name="Key">The cell.</param>
/// <param name="Counters">Counter name to value.</param>
public sealed record CounterCell(CellKey Key, IReadOnlyDictionary<string, long> Counters)
{
    /// <summary>The value of <paramref name="counter"/>, or 0 when the cell never counted it.</summary>
    /// <param name="counter">A counter name.</param>
    public long this[string counter] => Counters.TryGetValue(counter, out var value) ? value : 0;
}
