namespace Outreach.Core.Planning;

/// <summary>One step an enrolment stored as skipped.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="StepId">The campaign step.</param>
/// <param name="Reason">Why (e.g. <c>suppressed</c>, <c>no-email</c>).</param>
public sealed record SkippedStep(string ContactId, string StepId, string Reason);
