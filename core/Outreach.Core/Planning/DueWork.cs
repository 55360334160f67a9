namespace Outreach.Core.Planning;

/// <summary>What a dispatcher run found: the due entries, grouped by owner, and the cursor to keep after draining them.</summary>
/// <param name="Entries">Entries due at or before the scan instant, by due time then owner then task.</param>
/// <param name="NextCursor">Store after every entry is dispatched or re-indexed.</param>
public sealed record DueWork(IReadOnlyList<DueIndexEntry> Entries, DateTimeOffset NextCursor)
{
    /// <summary>The entries per owner (each owner's tasks go through <see cref="DispatchPlanner"/> together).</summary>
    public ILookup<string, DueIndexEntry> GroupByOwner() => Entries.ToLookup(e => e.OwnerId, StringComparer.Ordinal);
}
