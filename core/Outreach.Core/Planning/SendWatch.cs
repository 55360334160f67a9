using System.Globalization;

namespace Outreach.Core.Planning;

/// <summary>
/// The send watch: for every task the dispatcher puts on the send queue, an entry in the due index under a
/// <c>watch-yyyyMMddHHmm</c> bucket (5 UTC minutes, like <see cref="DueBuckets"/>, whose <c>due-</c> buckets the
/// dispatcher alone reads) at the instant the task counts as stuck if it is still queued or claimed then. The stuck-send
/// sweeper (<see cref="Sending.StuckSendSweeper"/>) reads the buckets that elapsed since its last run, so finding tasks
/// whose send request was lost costs one partition read per 5 minutes plus one point read per task sent, never a scan of
/// owners.
/// </summary>
public static class SendWatch
{
    private const string Prefix = "watch-";

    /// <summary>The watch bucket holding <paramref name="instant"/>, e.g. <c>watch-202603300805</c>.</summary>
    public static string KeyOf(DateTimeOffset instant) =>
        Prefix + DueBuckets.StartOf(instant).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The entry that looks at <paramref name="task"/> again at <paramref name="checkAt"/> (or now, when that has passed,
    /// so the entry never lands behind the sweeper's cursor).
    /// </summary>
    public static DueIndexEntry Entry(OutreachTask task, DateTimeOffset checkAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        var at = checkAt > now ? checkAt : now;
        return new DueIndexEntry(KeyOf(at), task.OwnerId, task.TaskId, at);
    }

    /// <summary>The watch buckets to read at <paramref name="now"/> from <paramref name="cursor"/>, as <see cref="DueBuckets.PlanScan"/> plans the due ones.</summary>
    public static DueScanPlan PlanScan(DateTimeOffset? cursor, DateTimeOffset now)
    {
        var due = DueBuckets.PlanScan(cursor, now);
        return new DueScanPlan([.. due.BucketKeys.Select(k => Prefix + k[(k.IndexOf('-', StringComparison.Ordinal) + 1)..])], due.NextCursor);
    }
}
