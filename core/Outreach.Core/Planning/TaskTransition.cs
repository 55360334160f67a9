namespace Outreach.Core.Planning;

/// <summary>A state change to persist (ETag-conditionally: the task may have moved since it was read).</summary>
/// <param name="Task">The task after the change.</param>
/// <param name="From">The state it was in.</param>
/// <param name="To">The state it is in now.</param>
public sealed record TaskTransition(OutreachTask Task, TaskState From, TaskState To);
