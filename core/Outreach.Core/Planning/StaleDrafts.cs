namespace Outreach.Core.Planning;

/// <summary>
/// What editing the text a pending task's draft is rendered from (the owner's template of its kind, the contact's notes
/// and details) does to the task: the counts measured on its old draft (<see cref="OutreachTask.MessageStats"/>) and the
/// score built on them no longer describe the message that will go out. Each such task still planned has its counts
/// dropped and its scored-for time cleared (which the dispatcher reads as "score again") through an ETag-conditional
/// write, retried on a lost race as <see cref="TaskTransitionWriter"/> does, and is indexed due again, so the next
/// dispatcher run that reads it measures its new draft and scores it again; a LinkedIn draft already due, whose entry
/// the dispatcher dropped, is read by the very next run. Its old score stays until then, so the queue keeps an order.
/// Tasks never measured or scored are left alone: they are measured when first scored.
/// </summary>
public static class StaleDrafts
{
    /// <summary>Marks the planned tasks among <paramref name="candidates"/> for measuring and scoring again.</summary>
    /// <param name="tasks">The task table.</param>
    /// <param name="index">The due index the dispatcher reads.</param>
    /// <param name="candidates">Tasks whose draft the edit changes (others' states are checked here).</param>
    /// <param name="time">The clock (a task already due is indexed in the current bucket).</param>
    /// <param name="cancellationToken">Cancels reads and writes.</param>
    /// <returns>How many tasks were marked.</returns>
    public static async Task<int> ScoreAgainAsync(
        ITaskStore tasks, IDueIndex index, IEnumerable<OutreachTask> candidates, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(time);
        var marked = 0;
        foreach (var candidate in candidates.Where(IsStale))
        {
            var first = true;
            OutreachTask? decided = null;
            var moved = await TaskTransitionWriter.ApplyAsync(
                tasks,
                async ct =>
                {
                    var current = first ? candidate : await tasks.FindAsync(candidate.OwnerId, candidate.TaskId, ct).ConfigureAwait(false);
                    first = false;
                    return current is not null && IsStale(current) ? [current] : [];
                },
                current =>
                {
                    decided = current is [var task] ? task with { MessageStats = null, ScoredForUtc = null } : null;
                    return decided is null ? [] : [new TaskTransition(decided, decided.State, decided.State)];
                },
                cancellationToken).ConfigureAwait(false);

            // The writer stops at the round whose write held, so the last decision is what was written; a task that moved on
            // meanwhile (no longer planned, or scored again) wrote nothing and is left.
            if (moved == 1 && decided is not null)
            {
                await index.UpsertAsync(DueIndexEntry.For(decided, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                marked++;
            }
        }

        return marked;
    }

    /// <summary>A planned task with counts or a score computed on a draft the edit has changed.</summary>
    private static bool IsStale(OutreachTask task) =>
        task.State == TaskState.Planned && (task.MessageStats is not null || task.ScoredForUtc is not null);
}
