namespace Outreach.Core.Planning;

/// <summary>
/// The allowed moves of a task. The send path is planned → queued → claimed → sent (→ replied). A claim that cannot
/// be confirmed goes to needs_review, never back to queued on its own. A queued task may return to planned when the
/// sender finds the day's cap already used (another dispatcher got there first). LinkedIn drafts are sent by hand, so they go
/// planned → done. Skipped, replied and done are final.
/// </summary>
public static class TaskStateMachine
{
    private static readonly Dictionary<TaskState, TaskState[]> EmailMoves = new()
    {
        [TaskState.Planned] = [TaskState.Queued, TaskState.Skipped],
        [TaskState.Queued] = [TaskState.Claimed, TaskState.Skipped, TaskState.Planned],
        [TaskState.Claimed] = [TaskState.Sent, TaskState.Failed, TaskState.NeedsReview],
        [TaskState.Failed] = [TaskState.Queued, TaskState.Skipped],
        [TaskState.NeedsReview] = [TaskState.Sent, TaskState.Queued, TaskState.Skipped],
        [TaskState.Sent] = [TaskState.Replied],
        [TaskState.Skipped] = [],
        [TaskState.Replied] = [],
        [TaskState.Done] = [],
    };

    private static readonly Dictionary<TaskState, TaskState[]> LinkedInMoves = new()
    {
        [TaskState.Planned] = [TaskState.Done, TaskState.Skipped],
        [TaskState.Done] = [TaskState.Replied],
        [TaskState.Queued] = [],
        [TaskState.Claimed] = [],
        [TaskState.Failed] = [],
        [TaskState.NeedsReview] = [],
        [TaskState.Sent] = [],
        [TaskState.Skipped] = [],
        [TaskState.Replied] = [],
    };

    /// <summary>True when a task on <paramref name="channel"/> may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(TaskChannel channel, TaskState from, TaskState to) =>
        (channel == TaskChannel.Email ? EmailMoves : LinkedInMoves).TryGetValue(from, out var allowed) && allowed.Contains(to);

    /// <summary>Throws unless the task may move to <paramref name="to"/>.</summary>
    /// <exception cref="DomainException">Code <c>task.invalid-transition</c>, target <c>state</c>, naming both states.</exception>
    public static void EnsureCanMove(OutreachTask task, TaskState to)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!CanMove(task.Channel, task.State, to))
        {
            var channel = task.Channel == TaskChannel.Email ? "An email" : "A LinkedIn";
            throw new DomainException(
                "task.invalid-transition",
                $"{channel} task cannot move from {TaskStates.NameOf(task.State)} to {TaskStates.NameOf(to)} (task '{task.TaskId}').",
                "state");
        }
    }
}
