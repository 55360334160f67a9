namespace Outreach.Core.Planning;

/// <summary>
/// Writes planned tasks: insert-if-absent into the owner's partition, then a due-index entry for each newly planned
/// task. The task is written first so an index entry never points at nothing; a crash between the two leaves a task
/// without an entry, which the next enrolment of the same contact (same ids) re-indexes while the task's due time is
/// still ahead (its bucket is then the same, so the upsert is harmless). An existing task already due is not indexed
/// again: it may sit in an earlier bucket, and a second entry would hand it to the dispatcher twice.
/// </summary>
/// <param name="tasks">The task table.</param>
/// <param name="index">The due index.</param>
/// <param name="time">The clock (decides the bucket of tasks already due).</param>
public sealed class PlanWriter(ITaskStore tasks, IDueIndex index, TimeProvider time)
{
    /// <summary>Writes the tasks; returns how many were new.</summary>
    public async Task<int> WriteAsync(IEnumerable<OutreachTask> planned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var task in planned)
        {
            var isNew = await tasks.TryAddAsync(task, cancellationToken);
            added += isNew ? 1 : 0;
            var stored = isNew ? task : await tasks.FindAsync(task.OwnerId, task.TaskId, cancellationToken);
            if (stored is { State: TaskState.Planned } && (isNew || stored.DueUtc > now))
            {
                await index.UpsertAsync(DueIndexEntry.For(stored, now), cancellationToken);
            }
        }

        return added;
    }
}
