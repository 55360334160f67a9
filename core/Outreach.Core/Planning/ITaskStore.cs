namespace Outreach.Core.Planning;

/// <summary>
/// The task table as planning needs it: one partition per owner, row key = task id. Insert-if-absent is what makes
/// planning idempotent (Table Storage: Insert Entity, 409 Conflict means it already exists).
/// </summary>
public interface ITaskStore
{
    /// <summary>Inserts the task unless a task with its id exists in the owner's partition; true when inserted.</summary>
    Task<bool> TryAddAsync(OutreachTask task, CancellationToken cancellationToken);

    /// <summary>The task, or null.</summary>
    Task<OutreachTask?> FindAsync(string ownerId, string taskId, CancellationToken cancellationToken);

    /// <summary>Every task of one contact of one owner (what stop rules look at).</summary>
    Task<IReadOnlyList<OutreachTask>> ListForContactAsync(string ownerId, string contactId, CancellationToken cancellationToken);
}
