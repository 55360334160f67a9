using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;

namespace Outreach.Core.Tests.Planning;

public sealed class ZonedTimeTests
{
    [Theory]
    [InlineData("Europe/London", "2026-03-27T09:00", "2026-03-27T09:00Z")]
    [InlineData("Europe/London", "2026-03-30T09:00", "2026-03-30T08:00Z")]
    [InlineData("America/New_York", "2026-03-06T09:00", "2026-03-06T14:00Z")]
    [InlineData("America/New_York", "2026-03-09T09:00", "2026-03-09T13:00Z")]
    public void Nine_local_maps_to_the_offset_in_force_that_day(string zone, string local, string expected) =>
        Assert.Equal(Utc(expected), ZonedTime.ToUtc(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone)));

    [Fact]
    public void A_time_in_the_London_spring_forward_gap_moves_forward_by_the_gap()
    {
        // 01:30 on 29 March 2026 does not exist in London; it becomes 02:30 BST, which is 01:30 UTC.
        var instant = ZonedTime.ToUtc(Date(2026, 3, 29), new TimeOnly(1, 30), London);

        Assert.Equal(Utc("2026-03-29T01:30Z"), instant);
        Assert.Equal(new DateTime(2026, 3, 29, 2, 30, 0), ZonedTime.ToLocal(instant, London));
    }

    [Fact]
    public void A_time_in_the_New_York_spring_forward_gap_moves_forward_by_the_gap()
    {
        var instant = ZonedTime.ToUtc(Date(2026, 3, 8), new TimeOnly(2, 30), NewYork);

        Assert.Equal(Utc("2026-03-08T07:30Z"), instant);
        Assert.Equal(new DateTime(2026, 3, 8, 3, 30, 0), ZonedTime.ToLocal(instant, NewYork));
    }

    [Fact]
    public void An_ambiguous_London_fall_back_time_takes_its_first_occurrence()
    {
        // 01:30 on 25 October 2026 happens twice in London: first in BST (00:30 UTC), then in GMT (01:30 UTC).
        Assert.Equal(Utc("2026-10-25T00:30Z"), ZonedTime.ToUtc(Date(2026, 10, 25), new TimeOnly(1, 30), London));
    }

    [Fact]
    public void An_ambiguous_New_York_fall_back_time_takes_its_first_occurrence()
    {
        Assert.Equal(Utc("2026-11-01T05:30Z"), ZonedTime.ToUtc(Date(2026, 11, 1), new TimeOnly(1, 30), NewYork));
    }
}
