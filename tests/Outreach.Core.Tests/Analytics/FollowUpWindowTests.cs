using Outreach.Core.Analytics.Events;

namespace Outreach.Core.Tests.Analytics;

/// <summary>Follow-up within N days counts owner-local calendar days from the meeting date.</summary>
public sealed class FollowUpWindowTests
{
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private readonly MetricsScenario _metrics = new();

    [Theory]
    [InlineData(16, 9, 0, 0, 1, 1)] // same day
    [InlineData(18, 0, 0, 0, 1, 1)] // exactly 48 h after the meeting day began
    [InlineData(18, 0, 0, 1, 1, 1)] // 48 h + 1 s: still the second calendar day
    [InlineData(18, 23, 59, 59, 1, 1)] // last second of the second day after
    [InlineData(19, 0, 0, 0, 0, 1)] // first second of the third day: out of the 2-day window
    [InlineData(23, 23, 59, 59, 0, 1)] // last second of the seventh day after
    [InlineData(24, 0, 0, 0, 0, 0)] // eighth day: followed up, but not within 7 days
    public async Task Window_closes_at_local_midnight_ending_the_nth_day_after_the_meeting(
        int day, int hour, int minute, int second, long within2, long within7)
    {
        var meeting = MetricsScenario.Meeting(Monday);
        await _metrics.MeetAsync("c1", meeting);
        await _metrics.SendAsync("c1", "t1", meeting, MetricsScenario.Utc(2026, 11, day, hour, minute, second));

        var row = await _metrics.OwnerRowAsync(Monday, Monday);

        Assert.Equal(1, row.ContactsMet);
        Assert.Equal(within2, row.FollowUpWithin2Days.Successes);
        Assert.Equal(within7, row.FollowUpWithin7Days.Successes);
        Assert.Equal(1, row.FollowedUp);
    }

    [Theory]
    [InlineData(17, 0L, 0L, 0L, 0L)] // the next day: both windows still open, no rate yet rather than "0 %"
    [InlineData(18, 0L, 0L, 0L, 0L)] // the second day after can still see a follow-up within 2 days
    [InlineData(19, 1L, 2L, 0L, 0L)] // the third day: the 2-day window is over; 1 of the 2 met was followed up in it
    [InlineData(24, 1L, 2L, 1L, 2L)] // the eighth day: both windows are over
    public async Task A_meeting_counts_towards_a_within_n_days_rate_only_once_its_n_days_are_over(
        int asOfDay, long within2, long over2, long within7, long over7)
    {
        var meeting = MetricsScenario.Meeting(Monday);
        await _metrics.MeetAsync("c1", meeting);
        await _metrics.MeetAsync("c2", meeting);
        await _metrics.SendAsync("c1", "t1", meeting, MetricsScenario.Utc(2026, 11, 17)); // followed up the next day; c2 not yet

        var query = new Outreach.Core.Analytics.Reports.MetricsQuery(["owner-1"], Monday, Monday, Outreach.Core.Analytics.Reports.MetricsGroupBy.Owner)
        {
            AsOf = new DateOnly(2026, 11, asOfDay),
        };
        var row = Assert.Single((await _metrics.Reader.ReadAsync(query, CancellationToken.None)).Rows);

        Assert.Equal((2L, 1L), (row.ContactsMet, row.FollowedUp));
        Assert.Equal((within2, over2), (row.FollowUpWithin2Days.Successes, row.FollowUpWithin2Days.Trials));
        Assert.Equal((within7, over7), (row.FollowUpWithin7Days.Successes, row.FollowUpWithin7Days.Trials));
        Assert.Equal(over2 == 0 ? null : (double)within2 / over2, row.FollowUpWithin2Days.Rate);
    }

    [Fact]
    public async Task Days_are_counted_in_the_owners_time_zone()
    {
        var meeting = MetricsScenario.Meeting(Monday);
        var wednesdayEveningInCalifornia = MetricsScenario.Utc(2026, 11, 19, 7, 59, 59); // 18 Nov 23:59:59 at UTC-8
        await _metrics.MeetAsync("pacific", meeting, owner: "owner-pacific");
        await _metrics.SendAsync("pacific", "t1", meeting, wednesdayEveningInCalifornia, owner: "owner-pacific", zone: MetricsScenario.PacificStandard);
        await _metrics.MeetAsync("utc", meeting, owner: "owner-utc");
        await _metrics.SendAsync("utc", "t1", meeting, wednesdayEveningInCalifornia, owner: "owner-utc");

        var pacific = await _metrics.OwnerRowAsync(Monday, Monday, "owner-pacific");
        var utc = await _metrics.OwnerRowAsync(Monday, Monday, "owner-utc");

        Assert.Equal(1, pacific.FollowUpWithin2Days.Successes);
        Assert.Equal(0, utc.FollowUpWithin2Days.Successes);
    }

    [Fact]
    public async Task A_send_is_counted_on_the_owners_local_day()
    {
        var meeting = MetricsScenario.Meeting(Monday);
        await _metrics.SendAsync("c1", "t1", meeting, MetricsScenario.Utc(2026, 11, 17, 3, 0, 0), zone: MetricsScenario.PacificStandard);

        var monday = await _metrics.OwnerRowAsync(Monday, Monday);

        Assert.Equal(1, monday.Sent);
        Assert.Empty((await _metrics.ReadAsync(Monday.AddDays(1), Monday.AddDays(1), Outreach.Core.Analytics.Reports.MetricsGroupBy.Owner)).Rows);
    }

    [Fact]
    public async Task Later_sends_to_the_same_contact_do_not_count_the_follow_up_again()
    {
        var meeting = MetricsScenario.Meeting(Monday);
        await _metrics.MeetAsync("c1", meeting);
        await _metrics.SendAsync("c1", "thank-you", meeting, MetricsScenario.Utc(2026, 11, 17));
        await _metrics.SendAsync("c1", "follow-up", meeting, MetricsScenario.Utc(2026, 11, 18));
        await _metrics.SendAsync("c1", "stay-in-touch", meeting, MetricsScenario.Utc(2026, 12, 16));

        var row = await _metrics.OwnerRowAsync(Monday, Monday);

        Assert.Equal(1, row.FollowUpWithin2Days.Successes);
        Assert.Equal(1, row.FollowUpWithin7Days.Successes);
        Assert.Equal(1, row.FollowedUp);
        Assert.Equal(1.0, row.FollowUpWithin2Days.Rate);
    }

    [Fact]
    public async Task Follow_up_counts_whichever_order_the_sends_are_applied_in()
    {
        var meeting = MetricsScenario.Meeting(Monday);
        await _metrics.MeetAsync("c1", meeting);
        await _metrics.SendAsync("c1", "late", meeting, MetricsScenario.Utc(2026, 11, 30));
        await _metrics.SendAsync("c1", "early", meeting, MetricsScenario.Utc(2026, 11, 17));

        var row = await _metrics.OwnerRowAsync(Monday, Monday);

        Assert.Equal(1, row.FollowUpWithin2Days.Successes);
        Assert.Equal(1, row.FollowUpWithin7Days.Successes);
    }

    [Fact]
    public async Task Outreach_sent_before_the_meeting_is_not_a_follow_up()
    {
        var meeting = MetricsScenario.Meeting(Monday);
        await _metrics.MeetAsync("c1", meeting);
        await _metrics.SendAsync("c1", "t1", meeting, MetricsScenario.Utc(2026, 11, 15, 23, 59, 59));

        var row = await _metrics.OwnerRowAsync(Monday, Monday);

        Assert.Equal(0, row.FollowedUp);
        Assert.Equal(0, row.FollowUpWithin2Days.Successes);
    }
}
