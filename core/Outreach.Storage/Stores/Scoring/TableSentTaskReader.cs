using Outreach.Core.Planning;
using Outreach.Storage.Stores.Planning;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Scoring;

/// <summary>
/// Reads sent tasks from the <c>Tasks</c> table for the response model's history: one owner's partition, or the
/// owners that have any. A task counts as sent when it has <see cref="OutreachTask.SentUtc"/> (sent, replied, done).
/// </summary>
/// <param name="table">The tasks table.</param>
public sealed class TableSentTaskReader(TableClient table)
{
    private static readonly string[] OwnerColumns = ["PartitionKey", nameof(OutreachTask.SentUtc)];
    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <summary>The owner's sent tasks, oldest send first.</summary>
    public async Task<IReadOnlyList<OutreachTask>> ListSentAsync(string ownerId, CancellationToken cancellationToken)
    {
        var tasks = new List<OutreachTask>();
        var filter = TableFilter.Eq("PartitionKey", TaskEntity.PartitionKey(ownerId));
        await foreach (var entity in _table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.GetDateTimeOffset(nameof(OutreachTask.SentUtc)) is not null)
            {
                tasks.Add(TaskEntity.To(entity));
            }
        }

        return [.. tasks.OrderBy(t => t.SentUtc).ThenBy(t => t.TaskId, StringComparer.Ordinal)];
    }

    /// <summary>Every owner with at least one sent task, in id order (a scan reading two columns).</summary>
    public async Task<IReadOnlyList<string>> ListOwnersWithSentTasksAsync(CancellationToken cancellationToken)
    {
        var owners = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var entity in _table.QueryAsync(select: OwnerColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.GetDateTimeOffset(nameof(OutreachTask.SentUtc)) is not null)
            {
                owners.Add(TableKeyCodec.Decode(entity.PartitionKey));
            }
        }

        return [.. owners];
    }
}
