namespace Outreach.Core.Analytics.Counters;

/// <summary>A cell as read back: its key and the counters it holds (absent counters are zero).</summary>
/// <param name="Key">The cell.</param>
/// <param name="Counters">Counter name to value.</param>
public sealed record CounterCell(CellKey Key, IReadOnlyDictionary<string, long> Counters);
