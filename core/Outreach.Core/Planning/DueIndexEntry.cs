namespace Outreach.Core.Planning;

/// <summary>
/// One row of the due index: partition <see cref="BucketKey"/>, row key <see cref="RowKey"/> (<c>owner|taskId</c>).
/// It points at the task in the owner's partition of the task table; the task stays the source of truth.
/// </summary>
/// <param name="BucketKey">The time-bucket partition (<see cref="DueBuckets"/>).</param>
/// <param name="OwnerId">The task's owner.</param>
/// <param name="TaskId">The task.</param>
/// <param name="DueUtc">When the task is due.</param>
public sealed record DueIndexEntry(string BucketKey, string OwnerId, string TaskId, DateTimeOffset DueUtc)
{
    /// <summary>The row key within the bucket: <c>owner|taskId</c>.</summary>
    public string RowKey => OwnerId + "|" + TaskId;

    /// <summary>The entry indexing <paramref name="task"/> when written at <paramref name="now"/>.</summary>
    public static DueIndexEntry For(OutreachTask task, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new DueIndexEntry(DueBuckets.KeyForIndexing(task.DueUtc, now), task.OwnerId, task.TaskId, task.DueUtc);
    }
}
