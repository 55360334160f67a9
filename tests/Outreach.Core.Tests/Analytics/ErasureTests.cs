using Outreach.Core.Analytics.Events;

namespace Outreach.Core.Tests.Analytics;

public sealed class ErasureTests
{
    private static readonly DateOnly Day = new(2026, 11, 16);
    private readonly MetricsScenario _metrics = new();

    [Fact]
    public async Task Erasing_a_contact_keeps_the_counts_and_forgets_only_that_contacts_markers()
    {
        var meeting = MetricsScenario.Meeting(Day);
        await _metrics.MeetAsync("erased", meeting);
        var sent = await _metrics.SendAsync("erased", "t1", meeting, MetricsScenario.Utc(2026, 11, 17));
        await _metrics.ReplyAsync(sent, TimeSpan.FromHours(2));
        await _metrics.MeetAsync("kept", meeting);
        var markersBefore = _metrics.Store.MarkerCount;
        var before = await _metrics.OwnerRowAsync(Day, Day.AddDays(1));

        var applied = await _metrics.RecordAsync(new ContactErased("owner-1", "erased"));
        var after = await _metrics.OwnerRowAsync(Day, Day.AddDays(1));

        Assert.Equal(0, applied);
        Assert.Equal(2, _metrics.Store.MarkerCount); // the kept contact's meeting on owner and event cells
        Assert.True(markersBefore > 2);
        Assert.Equal(before, after);
        Assert.Equal(2, after.ContactsMet);
        Assert.Equal(1, after.Replies);
    }

    [Fact]
    public async Task Erasing_an_unknown_contact_changes_nothing()
    {
        await _metrics.MeetAsync("c1", MetricsScenario.Meeting(Day));

        await _metrics.RecordAsync(new ContactErased("owner-1", "nobody"));

        Assert.Equal(2, _metrics.Store.MarkerCount);
    }
}
