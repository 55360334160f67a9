using Outreach.Core;
using Outreach.Core.Scoring;
using Outreach.Core.Scoring.Training;
using Outreach.Storage.Stores.Scoring;

namespace Outreach.Functions.Scoring;

/// <summary>
/// One retraining run: assembles every owner's labelled history, trains, lets <see cref="DeploymentGate"/> judge the
/// candidate on its hold-out, deploys it only if it passes (otherwise the previous model stays), has the due LinkedIn
/// drafts scored again with a deployed model (<see cref="DeployedModelDrafts"/>), and keeps a
/// <see cref="ModelTrainingRecord"/> either way.
/// </summary>
/// <remarks>
/// A trained model must also not be worse than a deployed trained model on the hold-out rows sent after that model's
/// training window (rows neither has seen; with too few of them the comparison is skipped and the record says so,
/// see <see cref="DeploymentGate"/>). The synthetic prior is not held to that: it encodes published effects, and the first model of real outcomes that beats the 5 % baseline
/// replaces it.
/// </remarks>
internal sealed class ModelRetrainer(HistoryAssembler history, DeployedModels models, BlobModelStore store, DeployedModelDrafts drafts, TimeProvider time)
{
    public async Task<ModelTrainingRecord> RunAsync(CancellationToken cancellationToken)
    {
        var current = await models.GetAsync(cancellationToken).ConfigureAwait(false);
        var (owners, rows) = await history.AssembleAllAsync(cancellationToken).ConfigureAwait(false);
        var replies = rows.Count(r => r.Replied);
        var now = time.GetUtcNow();
        var currentIsTrained = ModelLabels.OriginOf(current.Model) == ModelLabels.Trained;
        var options = new TrainingOptions
        {
            Origin = ModelOrigin.History,
            CurrentModel = current.Model,
            Gate = new DeploymentGate { RequireNotWorseThanCurrent = currentIsTrained },
            TimeProvider = time,
        };

        ModelTrainingRecord record;
        try
        {
            var result = ModelTrainer.Train(rows, options, cancellationToken: cancellationToken);
            if (result.Deployable)
            {
                await store.DeployAsync(result.Model, now, cancellationToken).ConfigureAwait(false);
                await drafts.ScoreAgainAsync(result.Model.Id, cancellationToken).ConfigureAwait(false);
            }

            record = new ModelTrainingRecord(now, owners, rows.Count, replies, result.Deployable, result.Reason, result.Model.Id, result.Model.Version, current.Model.Id, result.Metrics);
        }
        catch (DomainException e) when (e.Code == "model.too-few-outcomes")
        {
            record = new ModelTrainingRecord(now, owners, rows.Count, replies, false, e.Message, null, null, current.Model.Id, null);
        }

        await store.SaveTrainingRecordAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }
}
