using Outreach.Core.Planning;
using Outreach.Storage.Stores.Scoring;

namespace Outreach.Functions.Scoring;

/// <summary>
/// After a model is deployed, the LinkedIn drafts already due, which the owners rank in their to-do views by the score
/// stored on them, are indexed due again, so the next dispatcher run scores them with the new model (it scores a task
/// whose score came from another model) and writes the new score and explanation back. Without this they would keep
/// the old model's score for as long as they wait, ranked against drafts scored by the new one. Their old score stays
/// until then, so the queue keeps an order. Emails and drafts not yet due still have their entries and are scored
/// with the deployed model when due.
/// </summary>
internal sealed class DeployedModelDrafts(TableDueDraftReader drafts, IDueIndex index, TimeProvider time)
{
    /// <summary>Indexes the due drafts not scored by <paramref name="modelId"/>; how many.</summary>
    public async Task<int> ScoreAgainAsync(string modelId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stale = await drafts.ListScoredByAnotherModelAsync(modelId, now, cancellationToken).ConfigureAwait(false);
        foreach (var draft in stale)
        {
            await index.UpsertAsync(DueIndexEntry.For(draft, now), cancellationToken).ConfigureAwait(false);
        }

        return stale.Count;
    }
}
