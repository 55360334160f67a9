namespace Outreach.Core.Planning;

/// <summary>What one enrolment wrote (counts of tasks, one task per contact and step).</summary>
/// <param name="Contacts">Distinct contacts enrolled.</param>
/// <param name="Planned">New tasks planned to go out.</param>
/// <param name="AlreadyEnrolled">Tasks that existed already (an earlier enrolment); they keep their state.</param>
/// <param name="SkippedByReason">New tasks stored as skipped, by reason (e.g. <c>suppressed</c>, <c>no-email</c>).</param>
public sealed record EnrolmentResult(int Contacts, int Planned, int AlreadyEnrolled, IReadOnlyDictionary<string, int> SkippedByReason)
{
    /// <summary>The new skipped tasks one by one (contact, step, reason), so a caller can say which contact was skipped and why.</summary>
    public IReadOnlyList<SkippedStep> SkippedSteps { get; init; } = [];
}
