using System.ComponentModel.DataAnnotations;
using Outreach.Core.Planning;

namespace Outreach.Functions.Dispatching;

/// <summary>Settings of the dispatcher and enrolment (configuration section <c>Dispatching</c>).</summary>
internal sealed class DispatchingOptions
{
    public const string SectionName = "Dispatching";

    /// <summary>The queue send requests go to; the send function's trigger reads it. Default <c>send-outreach</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{2,62}$")]
    public string SendQueueName { get; set; } = SendRequest.QueueName;

    /// <summary>How long the tasks of an owner without a usable sender profile wait before the next look. Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan MissingScheduleRetry { get; set; } = new DueDispatcherOptions().MissingScheduleRetry;

    /// <summary>How far back the very first run (no cursor stored yet) looks for due entries. Default 1 day.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan FirstScanLookback { get; set; } = DueBuckets.FirstScanLookback;

    /// <summary>
    /// How long past its send time an email may stay queued (or past its claim stay claimed) before the
    /// <c>SweepStuckSends</c> timer settles it: a lost send request is queued again once, then the task fails unsent;
    /// a claim nobody confirmed goes to needs_review. Default 1 hour; at least 15 minutes, well beyond the send queue's
    /// deliveries and retries (host.json), so a request that is only waiting is never taken for a lost one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:15:00", "7.00:00:00",
        ErrorMessage = "Dispatching:StuckSendAfter must be between {1} and {2}: shorter would take a send request still waiting in the queue for a lost one.")]
    public TimeSpan StuckSendAfter { get; set; } = new DueDispatcherOptions().StuckSendAfter;

    public DueDispatcherOptions ToDispatcherOptions() =>
        new() { MissingScheduleRetry = MissingScheduleRetry, FirstScanLookback = FirstScanLookback, StuckSendAfter = StuckSendAfter };
}
