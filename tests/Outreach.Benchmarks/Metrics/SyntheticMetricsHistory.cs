using Outreach.Core.Analytics.Counters;
using Outreach.Core.Analytics.Events;

namespace Outreach.Benchmarks.Metrics;

/// <summary>
/// A year of outreach for one owner, as the pipeline would record it: every contact met at one of five events, then
/// up to three campaign steps (thank-you after 1 day, follow-up after 6, stay-in-touch after 30) from two templates
/// each, scored by the model, with replies at the scored probability. The events go through the real
/// <see cref="MetricsProjector"/> into an in-memory counter store, which holds exactly the cells the table store would.
/// </summary>
internal static class SyntheticMetricsHistory
{
    private static readonly string[] Events = ["Class visit: Northwind", "Career fair", "Alumni evening", "Guest lecture", "Meetup"];
    private static readonly (string Step, int DaysAfter)[] Steps = [("thank-you", 1), ("follow-up", 6), ("stay-in-touch", 30)];

    public static async Task<int> RecordAsync(
        InMemoryCounterStore store, string ownerId, int tasks, DateOnly lastDay, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var random = new Random(tasks);
        var recorder = new MetricsRecorder(store);
        var recorded = 0;
        for (var contact = 0; recorded < tasks; contact++)
        {
            var metOn = lastDay.AddDays(-random.Next(0, 365));
            var meeting = new MeetingContext(metOn, Events[contact % Events.Length]);
            var contactId = $"c{contact}";
            await recorder.RecordAsync(new ContactMet(ownerId, contactId, meeting), zone, cancellationToken);
            foreach (var (step, daysAfter) in Steps)
            {
                var sentOn = metOn.AddDays(daysAfter);
                if (recorded == tasks || sentOn > lastDay)
                {
                    break;
                }

                var taskId = $"t{recorded++}";
                var sentAt = new DateTimeOffset(sentOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
                var outreach = new OutreachStep("default", step, $"{step}-v{1 + (random.Next() % 2)}");
                var score = Math.Round(random.NextDouble() * 0.2, 4);
                await recorder.RecordAsync(new OutreachSent(ownerId, contactId, taskId, meeting, outreach, sentAt, score), zone, cancellationToken);
                if (random.NextDouble() < score)
                {
                    await recorder.RecordAsync(
                        new ReplyReceived(ownerId, contactId, taskId, meeting, outreach, sentAt, sentAt.AddDays(1), score), zone, cancellationToken);
                }
            }
        }

        return recorded;
    }
}
