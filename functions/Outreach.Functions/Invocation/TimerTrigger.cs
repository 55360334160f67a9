namespace Outreach.Functions.Invocation;

/// <summary>A timer occurrence as the host delivers it (the shape of WebJobs' TimerInfo).</summary>
/// <param name="IsPastDue">True when this invocation is late for its occurrence (missed while the app was busy or down).</param>
/// <param name="Status">Last and next occurrences when the trigger has <c>useMonitor</c>; null otherwise.</param>
internal sealed record TimerTrigger(bool IsPastDue, TimerScheduleStatus? Status);
