using Outreach.Core.Analytics.Counters;
using Outreach.Core.Analytics.Events;
using Outreach.Core.Analytics.Reports;

namespace Outreach.Core.Tests.Analytics;

/// <summary>A real in-memory counter store with the recorder and reader on top, and terse event builders.</summary>
internal sealed class MetricsScenario
{
    public static readonly TimeZoneInfo PacificStandard =
        TimeZoneInfo.CreateCustomTimeZone("Test/UTC-08", TimeSpan.FromHours(-8), "UTC-08", "UTC-08");

    public MetricsScenario()
    {
        Recorder = new MetricsRecorder(Store);
        Reader = new MetricsReader(Store);
    }

    public InMemoryCounterStore Store { get; } = new();

    public MetricsRecorder Recorder { get; }

    public MetricsReader Reader { get; }

    public static MeetingContext Meeting(DateOnly metOn, string? eventName = "career-fair") => new(metOn, eventName);

    public static OutreachStep Step(string? step = "thank-you", string? template = "thanks-v1", string? campaign = "fall") =>
        new(campaign, step, template);

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 9, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    public Task<int> RecordAsync(MetricEvent metricEvent, TimeZoneInfo? zone = null) =>
        Recorder.RecordAsync(metricEvent, zone ?? TimeZoneInfo.Utc, CancellationToken.None);

    public async Task MeetAsync(string contact, MeetingContext meeting, string owner = "owner-1") =>
        await RecordAsync(new ContactMet(owner, contact, meeting));

    public async Task<OutreachSent> SendAsync(
        string contact,
        string task,
        MeetingContext meeting,
        DateTimeOffset sentAt,
        OutreachStep? step = null,
        double? predicted = null,
        string owner = "owner-1",
        TimeZoneInfo? zone = null)
    {
        var sent = new OutreachSent(owner, contact, task, meeting, step ?? Step(), sentAt, predicted);
        await RecordAsync(sent, zone);
        return sent;
    }

    public async Task ReplyAsync(OutreachSent sent, TimeSpan after, TimeZoneInfo? zone = null) =>
        await RecordAsync(
            new ReplyReceived(sent.OwnerId, sent.ContactId, sent.TaskId, sent.Meeting, sent.Step, sent.SentAt, sent.SentAt + after, sent.PredictedProbability),
            zone);

    /// <summary>The cohort each owner is filed under when reports are read (a coach's filing).</summary>
    public Dictionary<string, string> Cohorts { get; } = new(StringComparer.Ordinal);

    public Task<MetricsReport> ReadAsync(DateOnly from, DateOnly to, MetricsGroupBy groupBy, params string[] owners) =>
        Reader.ReadAsync(new MetricsQuery(owners.Length == 0 ? ["owner-1"] : owners, from, to, groupBy) { Cohorts = Cohorts }, CancellationToken.None);

    public async Task<MetricsRow> OwnerRowAsync(DateOnly from, DateOnly to, string owner = "owner-1") =>
        Assert.Single((await ReadAsync(from, to, MetricsGroupBy.Owner, owner)).Rows);
}
