using System.Collections.Concurrent;
using System.Globalization;

namespace Outreach.Core.Planning;

/// <summary>
/// The task table held in memory, partitioned by owner like the real one: for tests, benchmarks and previews. Versions
/// are a per-store counter, so conditional replaces behave like ETag-conditional ones.
/// </summary>
public sealed class InMemoryTaskStore : ITaskStore, ITaskListing
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, OutreachTask>> _owners = new(StringComparer.Ordinal);
    private long _lastVersion;

    /// <summary>How many tasks the store holds.</summary>
    public int Count => _owners.Values.Sum(o => o.Count);

    /// <inheritdoc />
    public Task<bool> TryAddAsync(OutreachTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Task.FromResult(Partition(task.OwnerId).TryAdd(task.TaskId, task with { Version = NextVersion() }));
    }

    /// <inheritdoc />
    public Task<OutreachTask?> TryReplaceAsync(OutreachTask task, CancellationToken cancellationToken)
    {
        // As the table's write does: a cancelled caller writes nothing.
        cancellationToken.ThrowIfCancellationRequested();
        var version = TaskVersions.Require(task);
        var partition = Partition(task.OwnerId);
        if (!partition.TryGetValue(task.TaskId, out var stored) || !string.Equals(stored.Version, version, StringComparison.Ordinal))
        {
            return Task.FromResult<OutreachTask?>(null);
        }

        var replacement = task with { Version = NextVersion() };
        return Task.FromResult<OutreachTask?>(partition.TryUpdate(task.TaskId, replacement, stored) ? replacement : null);
    }

    /// <inheritdoc />
    public Task<OutreachTask?> FindAsync(string ownerId, string taskId, CancellationToken cancellationToken) =>
        Task.FromResult(_owners.TryGetValue(ownerId, out var tasks) && tasks.TryGetValue(taskId, out var task) ? task : null);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutreachTask>> ListForContactAsync(string ownerId, string contactId, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutreachTask> tasks = _owners.TryGetValue(ownerId, out var partition)
            ? [.. partition.Values.Where(t => string.Equals(t.ContactId, contactId, StringComparison.Ordinal)).OrderBy(t => t.DueUtc).ThenBy(t => t.TaskId, StringComparer.Ordinal)]
            : [];
        return Task.FromResult(tasks);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutreachTask>> ListAsync(string ownerId, TaskQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyList<OutreachTask> tasks = _owners.TryGetValue(ownerId, out var partition)
            ? [.. partition.Values
                .Where(t => (query.States.Count == 0 || query.States.Contains(t.State))
                    && (query.Channel is not { } channel || t.Channel == channel)
                    && (query.DueFrom is not { } from || t.DueUtc >= from)
                    && (query.DueTo is not { } to || t.DueUtc < to))
                .OrderBy(t => t.DueUtc).ThenBy(t => t.TaskId, StringComparer.Ordinal)]
            : [];
        return Task.FromResult(tasks);
    }

    private string NextVersion() => Interlocked.Increment(ref _lastVersion).ToString(CultureInfo.InvariantCulture);

    private ConcurrentDictionary<string, OutreachTask> Partition(string ownerId) =>
        _owners.GetOrAdd(ownerId, _ => new ConcurrentDictionary<string, OutreachTask>(StringComparer.Ordinal));
}
