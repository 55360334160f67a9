namespace Outreach.Core.Planning;

/// <summary>
/// Predicts how likely each task is to get a reply, so that when a sender's daily cap binds the likeliest go first.
/// The dispatcher asks it for every pending due task at each run (a deferred task is scored again, by the model
/// deployed now) and stores the scores on the tasks. The response model plugs in here; until it does,
/// <see cref="NeutralTaskScorer"/> leaves every task at the baseline.
/// </summary>
public interface ITaskScorer
{
    /// <summary>Scores one owner's tasks; returns one entry per task scored (tasks left out keep their score, or stay unscored).</summary>
    /// <param name="ownerId">The owner whose tasks these are.</param>
    /// <param name="tasks">Pending due tasks, scored before or not.</param>
    /// <param name="cancellationToken">Cancels the scoring.</param>
    Task<IReadOnlyList<TaskScore>> ScoreAsync(string ownerId, IReadOnlyList<OutreachTask> tasks, CancellationToken cancellationToken);
}
