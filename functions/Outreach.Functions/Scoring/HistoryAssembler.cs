using Outreach.Core.Outcomes;
using Outreach.Core.Scoring.History;
using Outreach.Storage.Stores.Scoring;

namespace Outreach.Functions.Scoring;

/// <summary>
/// Builds the response model's history from the pipeline's own data: one <see cref="HistoryRow"/> per sent task whose
/// outcome window (<see cref="OutcomeLabeler"/>, 14 days) has closed, replied or not; bounced sends without a
/// response are left out. Features come from <see cref="OwnerFeatureContext"/>, as the scorer's do.
/// </summary>
/// <remarks>
/// A send whose window is still open is left out even when it was answered: taking the answered ones early, while
/// their unanswered neighbours wait as pending, would select recent rows on their label and inflate the reply rate.
/// </remarks>
internal sealed class HistoryAssembler(TableSentTaskReader sentTasks, IOutcomeStore outcomes, OutreachFeatureSource features, TimeProvider time)
{
    /// <summary>The owner's labelled rows, oldest send first.</summary>
    public async Task<IReadOnlyList<HistoryRow>> AssembleAsync(string ownerId, CancellationToken cancellationToken)
    {
        var sent = await sentTasks.ListSentAsync(ownerId, cancellationToken).ConfigureAwait(false);
        if (sent.Count == 0)
        {
            return [];
        }

        var recorded = await outcomes.ListAsync(ownerId, cancellationToken).ConfigureAwait(false);
        var context = await features.ForOwnerAsync(ownerId, sent, cancellationToken).ConfigureAwait(false);
        var byTask = OutcomeAttribution.ByTask(sent, recorded);
        var labeler = new OutcomeLabeler(time);
        var now = time.GetUtcNow();
        var rows = new List<HistoryRow>(sent.Count);
        foreach (var task in sent)
        {
            var sentUtc = task.SentUtc!.Value;
            if (now >= sentUtc + labeler.Window && labeler.Label(sentUtc, byTask[task.TaskId]).Value is { } label)
            {
                rows.Add(new HistoryRow(task.TaskId, ownerId, context.Describe(task, sentUtc), label == 1));
            }
        }

        return rows;
    }

    /// <summary>Every owner's labelled rows, and how many owners had any sent task.</summary>
    public async Task<(int Owners, IReadOnlyList<HistoryRow> Rows)> AssembleAllAsync(CancellationToken cancellationToken)
    {
        var owners = await sentTasks.ListOwnersWithSentTasksAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<HistoryRow>();
        foreach (var owner in owners)
        {
            rows.AddRange(await AssembleAsync(owner, cancellationToken).ConfigureAwait(false));
        }

        return (owners.Count, rows);
    }
}
