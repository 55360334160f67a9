using System.Collections.Concurrent;
using Outreach.Core.Planning;
using Outreach.Storage;

namespace Outreach.Functions.Tests.Dispatching;

/// <summary>
/// The real table task store, counting point reads per owner, able to fail an owner's reads (a storage outage) and to
/// let "someone else" change a task just before the dispatcher's conditional write (a reply arriving mid-run).
/// </summary>
internal sealed class CountingTaskStore(ITaskStore inner) : ITaskStore
{
    private readonly ConcurrentDictionary<string, int> _reads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<OutreachTask, OutreachTask>> _interference = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> PointReadsByOwner => _reads;

    public int PointReads => _reads.Values.Sum();

    /// <summary>Reads of this owner's tasks fail until cleared.</summary>
    public string? FailingOwner { get; set; }

    /// <summary>The next replace of <paramref name="taskId"/> first stores <paramref name="change"/> of the current copy.</summary>
    public void ChangeBeforeNextReplace(string taskId, Func<OutreachTask, OutreachTask> change) => _interference[taskId] = change;

    public Task<bool> TryAddAsync(OutreachTask task, CancellationToken cancellationToken) => inner.TryAddAsync(task, cancellationToken);

    public Task<OutreachTask?> FindAsync(string ownerId, string taskId, CancellationToken cancellationToken)
    {
        if (string.Equals(ownerId, FailingOwner, StringComparison.Ordinal))
        {
            throw new StorageRequestException("Simulated outage reading the Tasks table.", 503, "ServerBusy", null);
        }

        _reads.AddOrUpdate(ownerId, 1, (_, n) => n + 1);
        return inner.FindAsync(ownerId, taskId, cancellationToken);
    }

    public async Task<OutreachTask?> TryReplaceAsync(OutreachTask task, CancellationToken cancellationToken)
    {
        if (_interference.TryRemove(task.TaskId, out var change))
        {
            var current = await inner.FindAsync(task.OwnerId, task.TaskId, cancellationToken) ?? throw new InvalidOperationException("No task to change.");
            Assert.NotNull(await inner.TryReplaceAsync(change(current), cancellationToken));
        }

        return await inner.TryReplaceAsync(task, cancellationToken);
    }

    public Task<IReadOnlyList<OutreachTask>> ListForContactAsync(string ownerId, string contactId, CancellationToken cancellationToken) =>
        inner.ListForContactAsync(ownerId, contactId, cancellationToken);
}
