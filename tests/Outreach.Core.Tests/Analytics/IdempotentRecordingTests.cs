using Outreach.Core.Analytics.Counters;
using Outreach.Core.Analytics.Events;

namespace Outreach.Core.Tests.Analytics;

public sealed class IdempotentRecordingTests
{
    private static readonly DateOnly Day = new(2026, 11, 16);
    private readonly MetricsScenario _metrics = new();

    [Fact]
    public async Task Recording_every_event_twice_counts_each_once()
    {
        var meeting = MetricsScenario.Meeting(Day);
        var met = new ContactMet("owner-1", "c1", meeting);
        var sent = new OutreachSent("owner-1", "c1", "t1", meeting, MetricsScenario.Step(), MetricsScenario.Utc(2026, 11, 17), 0.12);
        var reply = new ReplyReceived("owner-1", "c1", "t1", meeting, MetricsScenario.Step(), sent.SentAt, sent.SentAt.AddHours(3), 0.12);

        var firstTime = new[] { await _metrics.RecordAsync(met), await _metrics.RecordAsync(sent), await _metrics.RecordAsync(reply) };
        var secondTime = new[] { await _metrics.RecordAsync(met), await _metrics.RecordAsync(sent), await _metrics.RecordAsync(reply) };
        var row = await _metrics.OwnerRowAsync(Day, Day.AddDays(1));

        Assert.Equal([2, 21, 12], firstTime); // meeting counters on owner and event cells, send counters on all five dimensions
        Assert.Equal([0, 0, 0], secondTime);
        Assert.Equal(1, row.ContactsMet);
        Assert.Equal(1, row.Sent);
        Assert.Equal(1, row.Replies);
        Assert.Equal(1, row.FollowUpWithin2Days.Successes);
        Assert.Equal(1, row.ContactsReplied);
        Assert.Equal(1, row.Calibration!.Scored);
        Assert.Equal(0.12, row.Calibration.MeanPredicted, 12);
    }

    [Fact]
    public async Task Two_replies_to_one_task_count_as_one_replied_send()
    {
        var sent = await _metrics.SendAsync("c1", "t1", MetricsScenario.Meeting(Day), MetricsScenario.Utc(2026, 11, 16));
        await _metrics.ReplyAsync(sent, TimeSpan.FromHours(1));
        await _metrics.ReplyAsync(sent, TimeSpan.FromDays(2));

        var row = await _metrics.OwnerRowAsync(Day, Day);

        Assert.Equal(1, row.Replies);
        Assert.Equal(1.0, row.ReplyRate.Rate);
    }

    [Fact]
    public async Task Replaying_an_event_after_a_partial_apply_completes_it_without_double_counting()
    {
        var sent = new OutreachSent("owner-1", "c1", "t1", MetricsScenario.Meeting(Day), MetricsScenario.Step(), MetricsScenario.Utc(2026, 11, 16));
        var increments = MetricsProjector.Project(sent, TimeZoneInfo.Utc);
        await _metrics.Store.ApplyAsync([.. increments.Take(4)], CancellationToken.None);

        var appliedOnReplay = await _metrics.RecordAsync(sent);
        var row = await _metrics.OwnerRowAsync(Day, Day);

        Assert.Equal(increments.Count - 4, appliedOnReplay);
        Assert.Equal(1, row.Sent);
        Assert.Equal(1, row.FollowedUp);
    }

    [Fact]
    public async Task Two_sends_to_one_contact_are_two_sends()
    {
        var meeting = MetricsScenario.Meeting(Day);
        await _metrics.SendAsync("c1", "t1", meeting, MetricsScenario.Utc(2026, 11, 16));
        await _metrics.SendAsync("c1", "t2", meeting, MetricsScenario.Utc(2026, 11, 16, 10));

        Assert.Equal(2, (await _metrics.OwnerRowAsync(Day, Day)).Sent);
    }

    [Fact]
    public async Task Store_rejects_a_list_with_a_non_positive_delta_before_applying_any_of_it()
    {
        var cell = new CellKey("owner-1", Day, DimensionKind.Owner, "owner-1");
        var valid = new CounterIncrement(cell, CounterNames.Sent, 1, new DedupeKey("owner-1", "c1", "x"));
        var invalid = valid with { Counter = CounterNames.Replied, Delta = 0 };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _metrics.Store.ApplyAsync([valid, invalid], CancellationToken.None));

        Assert.Equal(0, _metrics.Store.MarkerCount);
        Assert.Empty(await _metrics.Store.ReadAsync("owner-1", DimensionKind.Owner, Day, Day, CancellationToken.None));
    }

    [Fact]
    public async Task Recording_many_events_at_once_counts_as_recording_them_one_by_one()
    {
        var meeting = MetricsScenario.Meeting(Day);
        MetricEvent[] events = [new ContactMet("owner-1", "c1", meeting), new ContactMet("owner-1", "c2", meeting), new ContactMet("owner-1", "c1", meeting)];
        var oneByOne = new MetricsScenario();
        foreach (var metricEvent in events)
        {
            await oneByOne.RecordAsync(metricEvent);
        }

        var applied = await _metrics.Recorder.RecordAllAsync(events, TimeZoneInfo.Utc, CancellationToken.None);
        var again = await _metrics.Recorder.RecordAllAsync(events, TimeZoneInfo.Utc, CancellationToken.None);

        Assert.Equal((4, 0), (applied, again));
        Assert.Equal(2, (await _metrics.OwnerRowAsync(Day, Day)).ContactsMet);
        Assert.Equal(oneByOne.Store.MarkerCount, _metrics.Store.MarkerCount);
    }

    [Fact]
    public async Task Recording_many_refuses_an_erasure_and_an_invalid_event_before_applying_any()
    {
        var meeting = MetricsScenario.Meeting(Day);
        var valid = new ContactMet("owner-1", "c1", meeting);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            _metrics.Recorder.RecordAllAsync([valid, new ContactErased("owner-1", "c2")], TimeZoneInfo.Utc, CancellationToken.None));
        await Assert.ThrowsAsync<DomainException>(() =>
            _metrics.Recorder.RecordAllAsync([valid, new ContactMet("owner-1", "", meeting)], TimeZoneInfo.Utc, CancellationToken.None));

        Assert.Equal(0, _metrics.Store.MarkerCount);
    }
}
