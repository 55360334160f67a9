using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Analytics.Events;
using Outreach.Functions.Sending;

namespace Outreach.Functions.Tests.Support;

/// <summary>
/// A small, known outreach history recorded through the app's own <see cref="MetricsRecorder"/> into its Azurite counters,
/// so metrics tests can assert exact figures. Times are 12:00 UTC, which is the same calendar day in Europe/London.
/// </summary>
/// <remarks>
/// Five contacts: c1–c4 met on <c>metOn</c>, c5 a week later. c1 written the next day (replied), c2 after 5 days, c3
/// after 9 days, c4 never; c5 written the day they met (replied). Over <c>metOn</c>..<c>metOn+13</c>: met 5, followed up
/// within 2 days 2, within 7 days 3, at all 4, replied contacts 2; sent 4, replies 2. Templates: <c>=cmd</c> (a formula,
/// for the CSV test) 1 sent / 0 replies, <c>follow-up-v1</c> 1/0, <c>thank-you-v1</c> 2/2. Steps: follow-up 2/0,
/// thank-you 2/2. The first delivery of every send is recorded twice, as a queue may deliver it.
/// </remarks>
internal static class MetricsHistory
{
    public const string Campaign = "default";
    public const string EventName = "Career fair";
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static async Task RecordAsync(ApiApp app, string ownerId, DateOnly metOn)
    {
        await app.Factory.Services.GetRequiredService<SendingTables>().EnsureCreatedAsync(CancellationToken.None);
        var recorder = app.Factory.Services.GetRequiredService<MetricsRecorder>();
        var firstWeek = new MeetingContext(metOn, EventName);
        var secondWeek = new MeetingContext(metOn.AddDays(7), EventName);
        var thankYou = new OutreachStep(Campaign, "thank-you", "thank-you-v1");

        MetricEvent[] events =
        [
            .. new[] { "c1", "c2", "c3", "c4" }.Select(c => new ContactMet(ownerId, c, firstWeek)),
            new ContactMet(ownerId, "c5", secondWeek),
            new OutreachSent(ownerId, "c1", "t1", firstWeek, thankYou, Noon(metOn, 1), 0.12),
            new OutreachSent(ownerId, "c1", "t1", firstWeek, thankYou, Noon(metOn, 1), 0.12),
            new OutreachSent(ownerId, "c2", "t2", firstWeek, new OutreachStep(Campaign, "follow-up", "=cmd"), Noon(metOn, 5), 0.03),
            new OutreachSent(ownerId, "c3", "t3", firstWeek, new OutreachStep(Campaign, "follow-up", "follow-up-v1"), Noon(metOn, 9), 0.55),
            new OutreachSent(ownerId, "c5", "t4", secondWeek, thankYou, Noon(metOn, 7), 0.07),
            new ReplyReceived(ownerId, "c1", "t1", firstWeek, thankYou, Noon(metOn, 1), Noon(metOn, 2), 0.12),
            new ReplyReceived(ownerId, "c5", "t4", secondWeek, thankYou, Noon(metOn, 7), Noon(metOn, 8), 0.07),
        ];
        foreach (var metricEvent in events)
        {
            await recorder.RecordAsync(metricEvent, London, CancellationToken.None);
        }
    }

    private static DateTimeOffset Noon(DateOnly day, int daysLater) =>
        new(day.AddDays(daysLater).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
