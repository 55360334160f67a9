namespace Outreach.Core.Planning;

/// <summary>Which due-index partitions to read, oldest first, and the cursor to keep once they are drained.</summary>
/// <param name="BucketKeys">Partition keys, oldest first; the last one is the current, still-filling bucket.</param>
/// <param name="NextCursor">The start of the last complete bucket.</param>
public sealed record DueScanPlan(IReadOnlyList<string> BucketKeys, DateTimeOffset NextCursor);
