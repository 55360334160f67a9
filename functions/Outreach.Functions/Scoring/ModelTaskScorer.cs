using Outreach.Core.Planning;

namespace Outreach.Functions.Scoring;

/// <summary>
/// The dispatcher's scorer backed by the deployed response model: each pending task is described as it would be sent
/// at its due time (<see cref="OwnerFeatureContext"/>, the derivation the history uses), its message measured on its
/// draft when it has not been yet (<see cref="DraftMeasurer"/>), and gets the model's reply probability and its
/// explanation, which the dispatcher stores on the task with the model's id and the draft's counts.
/// </summary>
internal sealed class ModelTaskScorer(DeployedModels models, OutreachFeatureSource features, DraftMeasurer drafts) : ITaskScorer
{
    public async Task<string?> CurrentModelIdAsync(CancellationToken cancellationToken) =>
        (await models.GetAsync(cancellationToken).ConfigureAwait(false)).Model.Id;

    public async Task<IReadOnlyList<TaskScore>> ScoreAsync(string ownerId, IReadOnlyList<OutreachTask> tasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count == 0)
        {
            return [];
        }

        var model = (await models.GetAsync(cancellationToken).ConfigureAwait(false)).Model;
        var context = await features.ForOwnerAsync(ownerId, tasks, cancellationToken).ConfigureAwait(false);
        var measured = await drafts.MeasureAsync(context, tasks, cancellationToken).ConfigureAwait(false);
        return [.. measured.Select(task =>
        {
            var prediction = model.Predict(context.Describe(task, task.DueUtc));
            return new TaskScore(task.TaskId, prediction.Probability, ModelLabels.Explain(prediction, model), model.Id, task.MessageStats);
        })];
    }
}
