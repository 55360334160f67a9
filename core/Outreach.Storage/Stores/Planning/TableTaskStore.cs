using Outreach.Core.Planning;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Planning;

/// <summary>
/// <see cref="ITaskStore"/> on the <c>Tasks</c> table: one partition per owner, RowKey the task id, every
/// <see cref="OutreachTask"/> property stored (see <c>Campaigns/README.md</c>). The entity ETag is the task's
/// <see cref="OutreachTask.Version"/>.
/// </summary>
/// <param name="table">The tasks table (e.g. <c>account.GetTable(StoreTableNames.Tasks)</c>); it must exist.</param>
public sealed class TableTaskStore(TableClient table) : ITaskStore, ITaskListing
{
    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <inheritdoc />
    public async Task<bool> TryAddAsync(OutreachTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            await _table.InsertAsync(TaskEntity.From(task), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageConcurrencyException e) when (e.Status == 409)
        {
            return false; // planned before: the stored task keeps its state
        }
    }

    /// <summary>
    /// Replaces the stored task if its ETag is still <see cref="OutreachTask.Version"/>, and returns it with the new one.
    /// </summary>
    /// <exception cref="StorageConcurrencyException">Someone else changed the task since it was read (412).</exception>
    /// <exception cref="StorageRequestException">The task no longer exists (404).</exception>
    public async Task<OutreachTask> ReplaceAsync(OutreachTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var etag = await _table.UpdateAsync(TaskEntity.From(task), TaskEntity.ETagOf(task), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return task with { Version = etag.ToString() };
    }

    /// <inheritdoc />
    public async Task<OutreachTask?> TryReplaceAsync(OutreachTask task, CancellationToken cancellationToken)
    {
        try
        {
            return await ReplaceAsync(task, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConcurrencyException)
        {
            return null;
        }
        catch (StorageRequestException e) when (e.Status == 404)
        {
            return null; // deleted since it was read (contact erased): also a lost race
        }
    }

    /// <inheritdoc />
    public async Task<OutreachTask?> FindAsync(string ownerId, string taskId, CancellationToken cancellationToken)
    {
        var entity = await _table.GetAsync(TaskEntity.PartitionKey(ownerId), TaskEntity.RowKey(taskId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : TaskEntity.To(entity);
    }

    /// <summary>Deletes a task with its rendered content and recipient (erasure); false when there was none.</summary>
    public Task<bool> DeleteAsync(string ownerId, string taskId, CancellationToken cancellationToken) =>
        _table.DeleteAsync(TaskEntity.PartitionKey(ownerId), TaskEntity.RowKey(taskId), cancellationToken: cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutreachTask>> ListForContactAsync(string ownerId, string contactId, CancellationToken cancellationToken)
    {
        var filter = TableFilter.Eq("PartitionKey", TaskEntity.PartitionKey(ownerId)).And(TableFilter.Eq(TaskEntity.ContactId, contactId));
        var tasks = new List<OutreachTask>();
        await foreach (var entity in _table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            tasks.Add(TaskEntity.To(entity));
        }

        // The same order as the in-memory store, so stop rules see tasks alike whichever store is used.
        return [.. tasks.OrderBy(t => t.DueUtc).ThenBy(t => t.TaskId, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    /// <remarks>One partition query; the state, channel and due filters run in the table service.</remarks>
    public async Task<IReadOnlyList<OutreachTask>> ListAsync(string ownerId, TaskQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = TableFilter.Eq("PartitionKey", TaskEntity.PartitionKey(ownerId));
        if (query.States.Count > 0)
        {
            filter = filter.And(query.States.Select(s => TableFilter.Eq(nameof(OutreachTask.State), TaskStates.NameOf(s))).Aggregate((a, b) => a.Or(b)));
        }

        if (query.Channel is { } channel)
        {
            filter = filter.And(TableFilter.Eq(nameof(OutreachTask.Channel), TaskEntity.ChannelName(channel)));
        }

        if (query.DueFrom is { } from)
        {
            filter = filter.And(TableFilter.Ge(nameof(OutreachTask.DueUtc), from));
        }

        if (query.DueTo is { } to)
        {
            filter = filter.And(TableFilter.Lt(nameof(OutreachTask.DueUtc), to));
        }

        var tasks = new List<OutreachTask>();
        await foreach (var entity in _table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            tasks.Add(TaskEntity.To(entity));
        }

        return [.. tasks.OrderBy(t => t.DueUtc).ThenBy(t => t.TaskId, StringComparer.Ordinal)];
    }
}
