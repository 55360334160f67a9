namespace Outreach.Core.Planning;

/// <summary>
/// The scoring step of a <see cref="DueDispatcher"/> run: which of an owner's due tasks the deployed model scores
/// (again), and the tasks with the scores it gave.
/// </summary>
/// <param name="scorer">The deployed response model, or the neutral scorer when none is.</param>
internal sealed class DueTaskScoring(ITaskScorer scorer)
{
    private static readonly IReadOnlySet<string> NoneScored = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Scores the pending due tasks that are unscored, were scored by a model other than the one deployed now, or were
    /// scored for a due time in another local hour or day than their due time now (see <see cref="NeedsScore"/>): a task
    /// the daily cap or the window deferred would otherwise keep the score and explanation it got when first due (the
    /// model, and "met 1 day ago" a week later) and be ranked on them against fresh ones. A task scored by the deployed
    /// model for the hour it is due in keeps its score, so a deferred task costs one scoring per model and per day it
    /// is deferred to, not one per run. Each score is stored with the due time it was computed for
    /// (<see cref="OutreachTask.ScoredForUtc"/>; the scorer describes a task as sent at its due time). A task the scorer
    /// leaves out keeps what it had. With no model deployed (<see cref="ITaskScorer.CurrentModelIdAsync"/> null, as
    /// <see cref="NeutralTaskScorer"/> answers) there is nothing to score with, so the scorer is not asked.
    /// </summary>
    /// <returns>The tasks, scored ones replaced, and the ids of those scored in this run.</returns>
    public async Task<(List<OutreachTask> Tasks, IReadOnlySet<string> Scored)> ScoreAsync(string ownerId, TimeZoneInfo zone, List<OutreachTask> loaded, CancellationToken cancellationToken)
    {
        if (!loaded.Any(t => TaskStates.IsPending(t.State)))
        {
            return (loaded, NoneScored);
        }

        if (await scorer.CurrentModelIdAsync(cancellationToken).ConfigureAwait(false) is not { } model)
        {
            return (loaded, NoneScored);
        }

        var pending = loaded.Where(t => TaskStates.IsPending(t.State) && NeedsScore(t, model, zone)).ToList();
        if (pending.Count == 0)
        {
            return (loaded, NoneScored);
        }

        var scores = new Dictionary<string, TaskScore>(StringComparer.Ordinal);
        foreach (var score in await scorer.ScoreAsync(ownerId, pending, cancellationToken).ConfigureAwait(false))
        {
            if (score.Probability is { } p)
            {
                scores[score.TaskId] = double.IsFinite(p) && p is >= 0 and <= 1
                    ? score
                    : throw new InvalidOperationException($"{scorer.GetType().Name} scored task {score.TaskId} {p}; a probability lies in [0, 1].");
            }
        }

        var tasks = loaded.ConvertAll(t => TaskStates.IsPending(t.State) && scores.TryGetValue(t.TaskId, out var s)
            ? t with
            {
                Score = s.Probability,
                ScoreExplanation = s.Explanation,
                ScoreModelId = s.ModelId,
                ScoredForUtc = t.DueUtc,
                MessageStats = s.MessageStats ?? t.MessageStats,
            }
            : t);
        return (tasks, loaded.Where(t => TaskStates.IsPending(t.State) && scores.ContainsKey(t.TaskId)).Select(t => t.TaskId).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// True when <paramref name="task"/> has no score from <paramref name="model"/> for the local hour it is due in (a
    /// row without a model id or a scored-for time counts as stale). The time features (days since met, weekday, send
    /// hour) read the due time in the sender's local day and hour, so a due time moved within the hour changes none of
    /// them and keeps the score, while one moved to another hour or day is scored again once.
    /// </summary>
    private static bool NeedsScore(OutreachTask task, string model, TimeZoneInfo zone) =>
        task.Score is null
        || !string.Equals(task.ScoreModelId, model, StringComparison.Ordinal)
        || task.ScoredForUtc is not { } scoredFor
        || LocalHourOf(scoredFor, zone) != LocalHourOf(task.DueUtc, zone);

    /// <summary>The local wall-clock hour (date and hour, minutes dropped) of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    private static DateTime LocalHourOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = ZonedTime.ToLocal(instant, zone);
        return local.AddTicks(-(local.Ticks % TimeSpan.TicksPerHour));
    }
}
