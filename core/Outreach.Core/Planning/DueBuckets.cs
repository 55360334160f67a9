using System.Globalization;

namespace Outreach.Core.Planning;

/// <summary>
/// Maps due instants to time-bucket partitions of the due index (<c>due-yyyyMMddHHmm</c>, one per 5 UTC minutes) and
/// says which buckets a dispatcher run must read, so finding due work costs one partition read per elapsed bucket
/// plus the due entries, whatever the number of owners. Layout and protocol: <c>Campaigns/README.md</c>.
/// </summary>
public static class DueBuckets
{
    /// <summary>The width of one bucket.</summary>
    public static readonly TimeSpan Width = TimeSpan.FromMinutes(5);

    /// <summary>How far back the very first scan looks when there is no cursor yet.</summary>
    public static readonly TimeSpan FirstScanLookback = TimeSpan.FromDays(1);

    /// <summary>The UTC start of the bucket holding <paramref name="instant"/>.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % Width.Ticks), TimeSpan.Zero);
    }

    /// <summary>The partition key of the bucket holding <paramref name="instant"/>, e.g. <c>due-202603300805</c>.</summary>
    public static string KeyOf(DateTimeOffset instant) =>
        "due-" + StartOf(instant).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The bucket a task due at <paramref name="dueUtc"/> is indexed under when written at <paramref name="now"/>: its
    /// own bucket, or the current one when it is already due, so a write never lands behind the scan cursor.
    /// </summary>
    public static string KeyForIndexing(DateTimeOffset dueUtc, DateTimeOffset now) => KeyOf(dueUtc > now ? dueUtc : now);

    /// <summary>
    /// The buckets to read at <paramref name="now"/>: from the bucket at the cursor (read again, one bucket of overlap
    /// for writers whose clocks lag) through the bucket holding <paramref name="now"/>. The returned cursor is the
    /// last bucket that is complete (it ends at or before now's bucket starts); store it once those buckets are drained.
    /// </summary>
    /// <param name="cursor">The cursor a previous scan returned, or null on the first run.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="firstScanLookback">How far back the first run looks; default <see cref="FirstScanLookback"/>.</param>
    public static DueScanPlan PlanScan(DateTimeOffset? cursor, DateTimeOffset now, TimeSpan? firstScanLookback = null)
    {
        var current = StartOf(now);
        var from = cursor is { } c ? StartOf(c) : StartOf(now - (firstScanLookback ?? FirstScanLookback));
        if (from > current)
        {
            from = current;
        }

        var keys = new List<string>();
        for (var bucket = from; bucket <= current; bucket += Width)
        {
            keys.Add(KeyOf(bucket));
        }

        return new DueScanPlan(keys, current - Width);
    }
}
