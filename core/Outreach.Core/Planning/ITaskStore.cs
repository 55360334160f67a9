namespace Outreach.Core.Planning;

/// <summary>
/// The task table as planning needs it: one partition per owner, row key = task id. Insert-if-absent is what makes
/// planning idempotent (Table Storage: Insert Entity, 409 Conflict means it already exists).
/// </summary>
public interface ITaskStore
{
    /// <summary>Inserts the task (its <see cref="OutreachTask.Version"/> is ignored) unless a task with its id exists in the owner's partition; true when inserted.</summary>
    Task<bool> TryAddAsync(OutreachTask task, CancellationToken cancellationToken);

    /// <summary>The task with its <see cref="OutreachTask.Version"/>, or null.</summary>
    Task<OutreachTask?> FindAsync(string ownerId, string taskId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored task only if it is still the version <paramref name="task"/> was read at
    /// (<see cref="OutreachTask.Version"/>: an ETag-conditional replace), e.g. to persist a state move.
    /// </summary>
    /// <returns>The task as stored, with its new version; null when the race was lost (the task changed or was deleted
    /// since it was read): reload and decide again.</returns>
    /// <exception cref="ArgumentException">The task has no <see cref="OutreachTask.Version"/> (it was never read from the store).</exception>
    Task<OutreachTask?> TryReplaceAsync(OutreachTask task, CancellationToken cancellationToken);

    /// <summary>Every task of one contact of one owner (what stop rules look at).</summary>
    Task<IReadOnlyList<OutreachTask>> ListForContactAsync(string ownerId, string contactId, CancellationToken cancellationToken);
}
