namespace Outreach.Core.Planning;

/// <summary>Wire names of <see cref="TaskState"/> (stored in tables, shown in the API).</summary>
public static class TaskStates
{
    /// <summary>The wire name, e.g. <c>needs_review</c>.</summary>
    public static string NameOf(TaskState state) => state switch
    {
        TaskState.Planned => "planned",
        TaskState.Queued => "queued",
        TaskState.Claimed => "claimed",
        TaskState.Sent => "sent",
        TaskState.Skipped => "skipped",
        TaskState.Failed => "failed",
        TaskState.NeedsReview => "needs_review",
        TaskState.Replied => "replied",
        TaskState.Done => "done",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown task state."),
    };

    /// <summary>Parses a wire name.</summary>
    /// <exception cref="DomainException">Not a task state (target <c>state</c>).</exception>
    public static TaskState Parse(string? name)
    {
        foreach (var state in Enum.GetValues<TaskState>())
        {
            if (string.Equals(NameOf(state), name, StringComparison.Ordinal))
            {
                return state;
            }
        }

        throw new DomainException("task.unknown-state", $"'{name}' is not a task state.", "state");
    }

    /// <summary>True while the task may still go out (planned or queued): the states a stop rule cancels.</summary>
    public static bool IsPending(TaskState state) => state is TaskState.Planned or TaskState.Queued;
}
