namespace Outreach.Core.Planning;

/// <summary>Settings of <see cref="DueDispatcher"/>.</summary>
public sealed class DueDispatcherOptions
{
    /// <summary>
    /// How long the tasks of an owner without a usable sender profile wait before the dispatcher looks again. They are
    /// not skipped: a profile set up (or fixed) later still sends them. Default 1 hour.
    /// </summary>
    public TimeSpan MissingScheduleRetry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far back the very first run (no cursor stored yet) looks for due entries. Default 1 day.</summary>
    public TimeSpan FirstScanLookback { get; set; } = DueBuckets.FirstScanLookback;
}
