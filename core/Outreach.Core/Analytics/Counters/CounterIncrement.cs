namespace Outreach.Core.Analytics.Counters;

/// <summary>Add <paramref name="Delta"/> to one counter of one cell, once per (<paramref name="Dedupe"/>, cell, counter).</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Counter">The counter within the cell (<see cref="CounterNames"/>).</param>
/// <param name="Delta">The amount to add (positive).</param>
/// <param name="Dedupe">The fact this increment stands for.</param>
public sealed record CounterIncrement(CellKey Cell, string Counter, long Delta, DedupeKey Dedupe);
