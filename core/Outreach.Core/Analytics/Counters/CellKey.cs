namespace Outreach.Core.Analytics.Counters;

/// <summary>
/// One counter cell: an owner's counts for one day and one value of one dimension (e.g. owner-1, 2026-11-20,
/// template, "thank-you-v2"). The day is the owner's local calendar date (see <see cref="OwnerCalendar"/>).
/// </summary>
/// <param name="OwnerId">The owner; cells never mix owners, so a store can partition by owner.</param>
/// <param name="Day">The owner-local date the counts belong to.</param>
/// <param name="Kind">The dimension.</param>
/// <param name="Value">The dimension's value, normalised by <see cref="DimensionValue.Of"/>.</param>
public readonly record struct CellKey(string OwnerId, DateOnly Day, DimensionKind Kind, string Value);
