namespace Outreach.Core.Planning;

/// <summary>The check every task store makes before a conditional replace.</summary>
public static class TaskVersions
{
    /// <summary>The task's <see cref="OutreachTask.Version"/>.</summary>
    /// <exception cref="ArgumentException">The task was never read from a store, so there is no version to match (parameter <c>task</c>).</exception>
    public static string Require(OutreachTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return string.IsNullOrEmpty(task.Version)
            ? throw new ArgumentException($"Task {task.TaskId} has no Version: read it from the store before replacing it.", nameof(task))
            : task.Version;
    }
}
