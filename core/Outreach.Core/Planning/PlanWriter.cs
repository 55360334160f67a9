namespace Outreach.Core.Planning;

/// <summary>
/// Writes planned tasks: insert-if-absent into the owner's partition, then a due-index entry for each task still
/// planned. The task is written first so an index entry never points at nothing; a failure between the two leaves a
/// task without an entry, which the next enrolment of the same contact (same ids, the student trying again) indexes.
/// A task whose due time is ahead gets the same bucket again (the upsert is harmless). One already due (a thank-you is
/// due at once) goes into the current bucket, for nothing else would ever hand it to the dispatcher: it would stay
/// planned, never sent, without a word. Where its first entry was written after all, the second is harmless too: the
/// dispatcher decides from the task, reads entries of one task in one run together, and drops an entry of a task no
/// longer planned or queued.
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
            if (stored is { State: TaskState.Planned })
            {
                await index.UpsertAsync(DueIndexEntry.For(stored, now), cancellationToken);
            }
        }

        return added;
    }
}
