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

    public DueDispatcherOptions ToDispatcherOptions() => new() { MissingScheduleRetry = MissingScheduleRetry, FirstScanLookback = FirstScanLookback };
}
