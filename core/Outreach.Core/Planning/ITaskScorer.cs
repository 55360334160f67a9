namespace Outreach.Core.Planning;

/// <summary>
/// Predicts how likely each task is to get a reply, so that when a sender's daily cap binds the likeliest go first.
/// The dispatcher asks it for the due tasks that have no score yet and stores the scores on the tasks. The response
/// model plugs in here; until it does, <see cref="NeutralTaskScorer"/> leaves every task at the baseline.
/// </summary>
public interface ITaskScorer
{
    /// <summary>Scores one owner's tasks; returns one entry per task scored (tasks left out stay unscored).</summary>
    /// <param name="ownerId">The owner whose tasks these are.</param>
    /// <param name="tasks">Pending tasks without a score.</param>
    /// <param name="cancellationToken">Cancels the scoring.</param>
    Task<IReadOnlyList<TaskScore>> ScoreAsync(string ownerId, IReadOnlyList<OutreachTask> tasks, CancellationToken cancellationToken);
}
