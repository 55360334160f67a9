using Outreach.Core.Planning;
using Outreach.Storage.Stores.Planning;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Scoring;

/// <summary>
/// Finds, across owners, the LinkedIn drafts the owners' to-do views rank by their stored score: still planned and
/// already due (the dispatcher dropped their due-index entries when it scored them, so no later run reads them again),
/// and scored by a model other than the one just deployed. A scan of the <c>Tasks</c> table filtered on the server,
/// run once per model deployment, which the nightly retraining makes after reading the table for its history anyway.
/// </summary>
/// <param name="table">The tasks table.</param>
public sealed class TableDueDraftReader(TableClient table)
{
    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <summary>The planned LinkedIn drafts due at or before <paramref name="dueBy"/> whose score is not <paramref name="modelId"/>'s.</summary>
    public async Task<IReadOnlyList<OutreachTask>> ListScoredByAnotherModelAsync(string modelId, DateTimeOffset dueBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        var filter = TableFilter.Eq(nameof(OutreachTask.State), TaskStates.NameOf(TaskState.Planned))
            .And(TableFilter.Eq(nameof(OutreachTask.Channel), TaskEntity.ChannelName(TaskChannel.LinkedIn)))
            .And(TableFilter.Le(nameof(OutreachTask.DueUtc), dueBy));
        var drafts = new List<OutreachTask>();
        await foreach (var entity in _table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!string.Equals(entity.GetString(nameof(OutreachTask.ScoreModelId)), modelId, StringComparison.Ordinal))
            {
                drafts.Add(TaskEntity.To(entity));
            }
        }

        return drafts;
    }
}
