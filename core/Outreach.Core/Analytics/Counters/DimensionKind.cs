namespace Outreach.Core.Analytics.Counters;

/// <summary>
/// What a counter cell is cut by. Every event increments one cell per kind that applies to it, so each kind on
/// its own partitions all counts (a missing value is <see cref="DimensionValue.None"/>, not a skipped cell).
/// Weeks and cohorts are not kinds: they are derived from the owner cells when reading (a cell's day, an owner's
/// cohort). Partitions are named by the kind's name, so the order of the members is free to change.
/// </summary>
public enum DimensionKind
{
    /// <summary>The owner; the cell's value is the owner id.</summary>
    Owner,

    /// <summary>The event where the contact was met.</summary>
    Event,

    /// <summary>The campaign a send belongs to (send and reply counters only).</summary>
    Campaign,

    /// <summary>The campaign step (send and reply counters only).</summary>
    Step,

    /// <summary>The template (send and reply counters only).</summary>
    Template,
}
