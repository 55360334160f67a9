using Outreach.Core;
using Outreach.Core.Planning;
using Outreach.Functions.Hosting;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// Pages of <c>GET /api/tasks</c>: the tasks in the order asked for, <c>take</c> of them after the <c>continuation</c>
/// token of the page before, and the token of the next page (null on the last). The token names the last task handed
/// out by its sort key (score, due time, id), not a position, so a task skipped, sent or requeued between two pages
/// neither repeats one nor hides one. By score, a task the dispatcher scored again between two pages moves with its
/// new score: it may come again on a later page (the dashboard shows it once) or, moved up, not at all.
/// </summary>
internal static class TaskListPaging
{
    /// <summary>One page of <paramref name="tasks"/> (by due time then id, as the listing returns them).</summary>
    /// <param name="tasks">Every task that matches the filters.</param>
    /// <param name="byScore">Highest predicted reply probability first (then due time, then id) instead of due time.</param>
    /// <param name="take">At most this many.</param>
    /// <param name="continuation">The token of the page before, or null for the first page.</param>
    /// <exception cref="DomainException">The token was not handed out by this endpoint for this order (target <c>continuation</c>).</exception>
    public static (IReadOnlyList<OutreachTask> Page, string? Continuation) Page(
        IReadOnlyList<OutreachTask> tasks, bool byScore, int take, string? continuation)
    {
        var ordered = byScore
            ? tasks.OrderByDescending(t => t.EffectiveScore).ThenBy(t => t.DueUtc).ThenBy(t => t.TaskId, StringComparer.Ordinal)
            : tasks.AsEnumerable();
        var after = Cursor.Decode(continuation, byScore);
        var page = (after is null ? ordered : ordered.Where(after.Precedes)).Take(take + 1).ToList();
        if (page.Count <= take)
        {
            return (page, null);
        }

        page.RemoveAt(take);
        return (page, Cursor.Of(page[^1], byScore).Encode());
    }

    /// <summary>The sort key of the last task of a page; <see cref="Score"/> is null when the order is by due time.</summary>
    private sealed record Cursor(double? Score, DateTimeOffset Due, string Id)
    {
        public static Cursor Of(OutreachTask task, bool byScore) => new(byScore ? task.EffectiveScore : null, task.DueUtc, task.TaskId);

        public static Cursor? Decode(string? token, bool byScore) => ContinuationTokens.Decode<Cursor>(
            token,
            cursor => cursor.Id is not null && cursor.Score.HasValue == byScore,
            "task.bad-continuation",
            "continuation is not a token this endpoint handed out for this order.");

        public string Encode() => ContinuationTokens.Encode(this);

        /// <summary>True when <paramref name="task"/> sorts after this key, so it belongs to a later page.</summary>
        public bool Precedes(OutreachTask task)
        {
            if (Score is { } score && task.EffectiveScore != score)
            {
                return task.EffectiveScore < score;
            }

            return task.DueUtc != Due ? task.DueUtc > Due : string.CompareOrdinal(task.TaskId, Id) > 0;
        }
    }
}
