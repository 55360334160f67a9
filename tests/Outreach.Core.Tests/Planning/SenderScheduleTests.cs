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
        // Sixty Mondays off, and Monday the only sending day: 420 days without one.
        var sender = LondonSender with
        {
            Window = new SendingWindow([DayOfWeek.Monday], new TimeOnly(8, 0), new TimeOnly(18, 0)),
            Calendar = new BusinessCalendar(Enumerable.Range(0, 60).Select(i => Date(2026, 3, 9).AddDays(7 * i))),
        };

        var error = Assert.Throws<DomainException>(() => sender.NextOpening(Utc("2026-03-09T09:00Z")));

        Assert.Equal(("schedule.no-sending-day", "calendar.holidays"), (error.Code, error.Target));
    }

    [Fact]
    public void Holidays_on_every_sending_day_of_the_coming_year_are_refused_naming_holidays()
    {
        var sender = LondonSender with
        {
            Window = new SendingWindow([DayOfWeek.Saturday], new TimeOnly(8, 0), new TimeOnly(18, 0)),
            Calendar = new BusinessCalendar(Saturdays(Date(2026, 3, 9), 52)), // 14 March 2026 to 6 March 2027
        };

        var error = Assert.Throws<DomainException>(() => sender.EnsureSendingDayAhead(Date(2026, 3, 12)));

        Assert.Equal(("schedule.no-sending-day", "calendar.holidays"), (error.Code, error.Target));
        sender.EnsureSendingDayAhead(Date(2026, 3, 13)); // the 366th day from Friday 13 March 2026 is Saturday 13 March 2027, not a holiday
    }

    [Fact]
    public void Holidays_on_every_business_day_of_the_coming_year_are_refused_even_when_the_window_has_other_days()
    {
        var sender = LondonSender with
        {
            Window = new SendingWindow([DayOfWeek.Friday, DayOfWeek.Saturday], new TimeOnly(8, 0), new TimeOnly(18, 0)),
            Calendar = new BusinessCalendar(Saturdays(Date(2026, 3, 9), 52), [DayOfWeek.Saturday]),
        };

        var error = Assert.Throws<DomainException>(() => sender.EnsureSendingDayAhead(Date(2026, 3, 9)));

        Assert.Equal(("schedule.no-sending-day", "calendar.holidays"), (error.Code, error.Target));
        Assert.Contains("business day", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_calendar_whose_business_days_and_window_differ_still_leaves_days_to_send_on()
    {
        // Business days Sunday to Thursday, mail on Monday to Friday, Christmas off: planning counts the one and
        // sends on the other, so nothing is refused.
        var sender = LondonSender with
        {
            Calendar = new BusinessCalendar([Date(2026, 12, 25)], [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday]),
        };

        sender.EnsureSendingDayAhead(Date(2026, 3, 9));
    }

    [Fact]
    public void A_negative_spacing_is_rejected_naming_the_field() =>
        Assert.Equal("minimumSpacing", Assert.Throws<DomainException>(() => (LondonSender with { MinimumSpacing = TimeSpan.FromMinutes(-1) }).EnsureValid()).Target);

    private static IEnumerable<DateOnly> Saturdays(DateOnly from, int count) =>
        Enumerable.Range(0, count).Select(i => from.AddDays(((int)DayOfWeek.Saturday - (int)from.DayOfWeek + 7) % 7 + 7 * i));
}
