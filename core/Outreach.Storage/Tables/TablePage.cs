namespace Outreach.Storage.Tables;

/// <summary>One page of query results (at most 1000 entities; may be empty even when more follow).</summary>
/// <param name="Entities">The entities on this page.</param>
/// <param name="Continuation">Where the next page starts, or null when this was the last.</param>
public sealed record TablePage(IReadOnlyList<TableEntity> Entities, TableContinuation? Continuation);
