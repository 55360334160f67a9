namespace Outreach.Core.Planning;

/// <summary>Settings of <see cref="DueDispatcher"/>.</summary>
public sealed class DueDispatcherOptions
{
    /// <summary>
    /// How long the tasks of an owner without a usable sender profile wait before the dispatcher looks again. They are
    /// not skipped: a profile set up (or fixed) later still sends them. Default 1 hour.
    /// </summary>
    public TimeSpan MissingScheduleRetry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long after its send time a task may stay queued (its send request not yet taken by the sender), or claimed,
    /// before the stuck-send sweeper looks at it (<see cref="SendWatch"/>, <see cref="Sending.StuckSendSweeper"/>).
    /// Default 1 hour: far longer than the send queue's deliveries and retries take.
    /// </summary>
    public TimeSpan StuckSendAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far back the very first run (no cursor stored yet) looks for due entries. Default 1 day.</summary>
    public TimeSpan FirstScanLookback { get; set; } = DueBuckets.FirstScanLookback;
}
