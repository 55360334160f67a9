using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;

namespace Outreach.Core.Tests.Planning;

public sealed class BusinessCalendarTests
{
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
}
