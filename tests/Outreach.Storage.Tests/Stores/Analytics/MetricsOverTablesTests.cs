using System.Text.Json;
using Outreach.Core.Analytics.Counters;
using Outreach.Core.Analytics.Events;
using Outreach.Core.Analytics.Reports;
using Outreach.Storage.Stores.Analytics;
using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests.Stores.Analytics;

/// <summary>The core's recorder and reader over the table store give the same reports as over the in-memory store.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class MetricsOverTablesTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Monday = new(2026, 11, 16);

    [Theory]
    [InlineData(MetricsGroupBy.Owner)]
    [InlineData(MetricsGroupBy.Event)]
    [InlineData(MetricsGroupBy.Template)]
    [InlineData(MetricsGroupBy.Week)]
    public async Task The_same_events_give_the_same_report_as_the_in_memory_store(MetricsGroupBy groupBy)
    {
        var memory = new InMemoryCounterStore();
        var table = new TableCounterStore(await StoreTables.NewAsync(azurite, "metrics"));
        foreach (var store in new ICounterStore[] { memory, table })
        {
            var recorder = new MetricsRecorder(store);
            foreach (var metricEvent in Events())
            {
                await recorder.RecordAsync(metricEvent, TimeZoneInfo.Utc, CancellationToken.None);
                await recorder.RecordAsync(metricEvent, TimeZoneInfo.Utc, CancellationToken.None); // redelivered
            }
        }

        var query = new MetricsQuery(["owner-1", "owner-2"], Monday, Monday.AddDays(13), groupBy);
        var expected = await new MetricsReader(memory).ReadAsync(query, CancellationToken.None);
        var actual = await new MetricsReader(table).ReadAsync(query, CancellationToken.None);

        Assert.NotEmpty(expected.Rows);
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
    }

    private static IEnumerable<MetricEvent> Events()
    {
        for (var i = 0; i < 12; i++)
        {
            var owner = i % 3 == 0 ? "owner-2" : "owner-1";
            var meeting = new MeetingContext(Monday.AddDays(i % 5), i % 2 == 0 ? "C# / Q&A? night" : "career-fair");
            var step = new OutreachStep("fall", i % 2 == 0 ? "thank-you" : "follow-up", i % 3 == 0 ? "thanks/v1" : "thanks-v2");
            var sentAt = new DateTimeOffset(meeting.MetOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero).AddDays(i % 4);
            var contact = $"contact-{i}";
            yield return new ContactMet(owner, contact, meeting);
            var sent = new OutreachSent(owner, contact, $"task-{i}", meeting, step, sentAt, i % 2 == 0 ? 0.03 + (i * 0.01) : null);
            yield return sent;
            if (i % 3 != 2)
            {
                yield return new ReplyReceived(owner, contact, sent.TaskId, meeting, step, sentAt, sentAt.AddHours(5), sent.PredictedProbability);
            }
        }
    }
}
