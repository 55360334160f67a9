namespace Outreach.Core.Planning;

/// <summary>The tasks an enrolment produces, in contact then step order; suppressed or unreachable steps come back skipped with a reason.</summary>
/// <param name="Tasks">Every task, planned or skipped.</param>
public sealed record EnrolmentPlan(IReadOnlyList<OutreachTask> Tasks)
{
    /// <summary>The tasks that will go out (state planned).</summary>
    public IEnumerable<OutreachTask> Planned => Tasks.Where(t => t.State == TaskState.Planned);

    /// <summary>The tasks skipped at planning.</summary>
    public IEnumerable<OutreachTask> Skipped => Tasks.Where(t => t.State == TaskState.Skipped);
}
