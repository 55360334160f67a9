using Outreach.Core.Outcomes;
using Outreach.Core.Planning;

namespace Outreach.Storage.Stores.Outcomes;

/// <summary><see cref="ITaskDirectory"/> as one point read of the owner's task.</summary>
/// <param name="tasks">The task store.</param>
public sealed class TaskStoreDirectory(ITaskStore tasks) : ITaskDirectory
{
    /// <inheritdoc />
    public async Task<bool> BelongsToContactAsync(string ownerId, string taskId, string contactId, CancellationToken cancellationToken) =>
        await tasks.FindAsync(ownerId, taskId, cancellationToken).ConfigureAwait(false) is { } task
        && string.Equals(task.ContactId, contactId, StringComparison.Ordinal);
}
