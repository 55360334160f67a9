namespace Outreach.Core.Planning;

/// <summary>
/// The skip transitions the stop rules (<see cref="StopRules"/>), campaign edits (<see cref="CampaignEdits"/>),
/// introduction stops and the owner's own skip decide on. Each rule keeps its own say on which tasks go and why; this
/// is the part they share: the task moved to skipped with that reason (checked by <see cref="OutreachTask.MoveTo"/>)
/// and the state it left, for <see cref="TaskTransitionWriter"/> to persist ETag-conditionally.
/// </summary>
public static class TaskSkips
{
    /// <summary><paramref name="task"/> skipped for <paramref name="reason"/>, as a transition to persist.</summary>
    /// <param name="task">The task as read.</param>
    /// <param name="reason">Why (one of <see cref="SkipReasons"/>).</param>
    /// <exception cref="DomainException">The task cannot be skipped from its state (code <c>task.invalid-transition</c>).</exception>
    public static TaskTransition Skip(OutreachTask task, string reason)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new TaskTransition(task.MoveTo(TaskState.Skipped, reason), task.State, TaskState.Skipped);
    }

    /// <summary>
    /// The skips among <paramref name="tasks"/>, in their order: each task <paramref name="reasonOf"/> gives a reason for
    /// is skipped with it; a task it gives none for (null) stays as it is.
    /// </summary>
    /// <param name="tasks">The tasks the rule looks at.</param>
    /// <param name="reasonOf">The rule: why a task is skipped, or null to leave it.</param>
    public static IReadOnlyList<TaskTransition> Among(IEnumerable<OutreachTask> tasks, Func<OutreachTask, string?> reasonOf)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(reasonOf);
        var transitions = new List<TaskTransition>();
        foreach (var task in tasks)
        {
            if (reasonOf(task) is { } reason)
            {
                transitions.Add(Skip(task, reason));
            }
        }

        return transitions;
    }
}
