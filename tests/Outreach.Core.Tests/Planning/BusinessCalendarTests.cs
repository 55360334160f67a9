using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;

namespace Outreach.Core.Tests.Planning;

public sealed class BusinessCalendarTests
{
    private static readonly DayOfWeek[] SundayToThursday =
        [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];

    [Fact]
    public void One_business_day_after_Friday_is_Monday() =>
        Assert.Equal(Date(2026, 3, 9), BusinessCalendar.WeekendsOnly.AddBusinessDays(Date(2026, 3, 6), 1));

    [Fact]
    public void Seven_business_days_after_Monday_is_Wednesday_of_the_next_week() =>
        Assert.Equal(Date(2026, 3, 18), BusinessCalendar.WeekendsOnly.AddBusinessDays(Date(2026, 3, 9), 7));

    [Fact]
    public void Holidays_are_not_business_days()
    {
        var calendar = new BusinessCalendar([Date(2026, 4, 3), Date(2026, 4, 6)]);

        Assert.Equal(Date(2026, 4, 7), calendar.AddBusinessDays(Date(2026, 4, 2), 1));
        Assert.False(calendar.IsBusinessDay(Date(2026, 4, 6)));
    }

    [Fact]
    public void Zero_business_days_from_a_Saturday_is_the_next_Monday() =>
        Assert.Equal(Date(2026, 3, 9), BusinessCalendar.WeekendsOnly.AddBusinessDays(Date(2026, 3, 7), 0));

    [Fact]
    public void With_a_Sunday_to_Thursday_week_one_business_day_after_Thursday_skips_Friday_and_Saturday()
    {
        var calendar = new BusinessCalendar(businessDays: SundayToThursday);

        Assert.Equal(Date(2026, 3, 15), calendar.AddBusinessDays(Date(2026, 3, 12), 1));
        Assert.False(calendar.IsBusinessDay(Date(2026, 3, 13)));
        Assert.True(calendar.IsBusinessDay(Date(2026, 3, 15)));
    }

    [Fact]
    public void With_a_Sunday_to_Thursday_week_a_holiday_on_Sunday_moves_the_next_business_day_to_Monday() =>
        Assert.Equal(Date(2026, 3, 16), new BusinessCalendar([Date(2026, 3, 15)], SundayToThursday).AddBusinessDays(Date(2026, 3, 12), 1));

    [Fact]
    public void A_calendar_without_business_days_is_refused_naming_the_field()
    {
        var error = Assert.Throws<DomainException>(() => new BusinessCalendar(businessDays: []));

        Assert.Equal("businessDays", error.Target);
    }

    [Fact]
    public void More_holidays_than_a_year_has_days_are_refused_naming_holidays_and_a_full_year_is_kept()
    {
        var leapYear = Enumerable.Range(0, 366).Select(i => Date(2028, 1, 1).AddDays(i)).ToList();

        var error = Assert.Throws<DomainException>(() => new BusinessCalendar([.. leapYear, Date(2029, 1, 1)]));

        Assert.Equal(("schedule.invalid", "holidays"), (error.Code, error.Target));
        Assert.Equal(366, new BusinessCalendar([.. leapYear, Date(2028, 1, 1)]).Holidays.Count); // a repeated date counts once
    }

    [Fact]
    public void Calendars_with_the_same_days_and_holidays_are_equal_whatever_the_order()
    {
        var one = new BusinessCalendar([Date(2026, 12, 25), Date(2026, 12, 24)], SundayToThursday);
        var other = new BusinessCalendar([Date(2026, 12, 24), Date(2026, 12, 25), Date(2026, 12, 24)], [.. SundayToThursday.Reverse()]);

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.NotEqual(one, new BusinessCalendar([Date(2026, 12, 25)], SundayToThursday));
        Assert.Equal(BusinessCalendar.WeekendsOnly, new BusinessCalendar());
    }
}
