namespace Outreach.Core.Planning;

/// <summary>
/// Finds due work by reading only the time buckets that elapsed since the last run (<see cref="DueBuckets.PlanScan"/>),
/// so its cost follows the due work, not the number of owners.
/// </summary>
/// <param name="index">The due index.</param>
/// <param name="time">The clock.</param>
/// <param name="firstScanLookback">How far back the first run (no cursor yet) looks; default <see cref="DueBuckets.FirstScanLookback"/>.</param>
public sealed class DueWorkFinder(IDueIndex index, TimeProvider time, TimeSpan? firstScanLookback = null)
{
    /// <summary>The entries due now.</summary>
    /// <param name="cursor">The previous run's <see cref="DueWork.NextCursor"/>, or null on the first run.</param>
    /// <param name="cancellationToken">Cancels the bucket reads.</param>
    public async Task<DueWork> FindAsync(DateTimeOffset? cursor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var plan = DueBuckets.PlanScan(cursor, now, firstScanLookback);
        var due = new List<DueIndexEntry>();
        foreach (var key in plan.BucketKeys)
        {
            var entries = await index.ReadBucketAsync(key, cancellationToken);
            due.AddRange(entries.Where(e => e.DueUtc <= now));
        }

        due.Sort(static (a, b) =>
        {
            var byDue = a.DueUtc.CompareTo(b.DueUtc);
            return byDue != 0 ? byDue : string.CompareOrdinal(a.RowKey, b.RowKey);
        });
        return new DueWork(due, plan.NextCursor);
    }
}
