namespace Outreach.Core.Planning;

/// <summary>A task that does not go out in this run, and when to look at it again.</summary>
/// <param name="Task">The task, with <see cref="OutreachTask.DueUtc"/> moved to <paramref name="UntilUtc"/>.</param>
/// <param name="UntilUtc">When it is due again (re-index it under this instant).</param>
/// <param name="Reason">One of <see cref="DeferReasons"/>.</param>
public sealed record DeferredTask(OutreachTask Task, DateTimeOffset UntilUtc, string Reason);
