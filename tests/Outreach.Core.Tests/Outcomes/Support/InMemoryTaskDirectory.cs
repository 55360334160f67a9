using Outreach.Core.Outcomes;

namespace Outreach.Core.Tests.Outcomes.Support;

/// <summary>Tasks by (owner, task id) with the contact each went to.</summary>
internal sealed class InMemoryTaskDirectory : ITaskDirectory
{
    private readonly Dictionary<(string OwnerId, string TaskId), string> _contactByTask = [];

    public void Add(string ownerId, string taskId, string contactId) => _contactByTask[(ownerId, taskId)] = contactId;

    public Task<bool> BelongsToContactAsync(string ownerId, string taskId, string contactId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_contactByTask.TryGetValue((ownerId, taskId), out var contact) && contact == contactId);
    }
}
