using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;

namespace Outreach.Core.Tests.Planning;

public sealed class SenderScheduleTests
{
    [Fact]
    public void Inside_the_window_the_instant_itself_is_the_opening() =>
        Assert.Equal(Utc("2026-03-09T17:59:59Z"), LondonSender.NextOpening(Utc("2026-03-09T17:59:59Z")));

    [Fact]
    public void The_window_closes_exclusively() =>
        Assert.Equal(Utc("2026-03-10T08:00Z"), LondonSender.NextOpening(Utc("2026-03-09T18:00Z")));

    [Fact]
    public void A_custom_window_opens_on_its_own_days_and_hours_in_local_time()
    {
        var sender = NewYorkSender with { Window = new SendingWindow([DayOfWeek.Tuesday, DayOfWeek.Thursday], new TimeOnly(10, 0), new TimeOnly(12, 0)) };

        // Monday 9 March 2026, 15:00 UTC → Tuesday 10:00 EDT.
        Assert.Equal(Utc("2026-03-10T14:00Z"), sender.NextOpening(Utc("2026-03-09T15:00Z")));
    }

    [Fact]
    public void A_window_that_does_not_open_before_it_closes_is_rejected_naming_closes()
    {
        var error = Assert.Throws<DomainException>(() => new SendingWindow([DayOfWeek.Monday], new TimeOnly(18, 0), new TimeOnly(8, 0)));

        Assert.Equal("window.closes", error.Target);
    }

    [Fact]
    public void A_window_without_days_is_rejected_naming_days() =>
        Assert.Equal("window.days", Assert.Throws<DomainException>(() => new SendingWindow([], new TimeOnly(8, 0), new TimeOnly(18, 0))).Target);

    [Fact]
    public void Holidays_that_close_every_day_for_over_a_year_are_reported_not_looped_on()
    {
        var sender = LondonSender with { Calendar = new BusinessCalendar(Enumerable.Range(0, 500).Select(i => Date(2026, 3, 9).AddDays(i))) };

        var error = Assert.Throws<DomainException>(() => sender.NextOpening(Utc("2026-03-09T09:00Z")));

        Assert.Equal(("schedule.no-sending-day", "calendar.holidays"), (error.Code, error.Target));
    }

    [Fact]
    public void A_negative_spacing_is_rejected_naming_the_field() =>
        Assert.Equal("minimumSpacing", Assert.Throws<DomainException>(() => (LondonSender with { MinimumSpacing = TimeSpan.FromMinutes(-1) }).EnsureValid()).Target);
}
