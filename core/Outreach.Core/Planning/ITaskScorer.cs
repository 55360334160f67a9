namespace Outreach.Core.Planning;

/// <summary>
/// Predicts how likely each task is to get a reply, so that when a sender's daily cap binds the likeliest go first.
/// The dispatcher asks it for the pending due tasks that have no score yet, one from a model other than
/// <see cref="CurrentModelIdAsync"/>, or one computed for a due time in another local hour or day (a task the cap
/// deferred is scored again once a new model is deployed or once for the day it was deferred to, not at every run),
/// and stores the scores with the model's id and the due time they were computed for on the tasks. The response model plugs in here; until it does,
/// <see cref="NeutralTaskScorer"/> leaves every task at the baseline.
/// </summary>
public interface ITaskScorer
{
    /// <summary>The id of the model <see cref="ScoreAsync"/> scores with now, or null when there is none (the dispatcher then does not call <see cref="ScoreAsync"/>).</summary>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    Task<string?> CurrentModelIdAsync(CancellationToken cancellationToken);

    /// <summary>Scores one owner's tasks; returns one entry per task scored (tasks left out keep their score, or stay unscored).</summary>
    /// <param name="ownerId">The owner whose tasks these are.</param>
    /// <param name="tasks">Pending due tasks, scored before or not; each is scored as sent at its <see cref="OutreachTask.DueUtc"/>.</param>
    /// <param name="cancellationToken">Cancels the scoring.</param>
    Task<IReadOnlyList<TaskScore>> ScoreAsync(string ownerId, IReadOnlyList<OutreachTask> tasks, CancellationToken cancellationToken);
}
