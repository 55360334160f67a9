namespace Outreach.Core.Planning;

/// <summary>Which of an owner's tasks to list (every filter optional; all given filters must hold).</summary>
public sealed record TaskQuery
{
    /// <summary>Only tasks in one of these states; empty for any state.</summary>
    public IReadOnlyList<TaskState> States { get; init; } = [];

    /// <summary>Only tasks on this channel, or null for both.</summary>
    public TaskChannel? Channel { get; init; }

    /// <summary>Only tasks due at or after this instant, or null.</summary>
    public DateTimeOffset? DueFrom { get; init; }

    /// <summary>Only tasks due before this instant (exclusive), or null.</summary>
    public DateTimeOffset? DueTo { get; init; }
}
