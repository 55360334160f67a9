namespace Outreach.Functions.Invocation;

/// <summary>The schedule monitor's record, sent as <c>ScheduleStatus</c> (WebJobs ScheduleStatus).</summary>
internal sealed record TimerScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
