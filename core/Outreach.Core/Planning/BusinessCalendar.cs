namespace Outreach.Core.Planning;

/// <summary>Which days count as business days for a sender: not Saturday, not Sunday, not one of their holidays.</summary>
public sealed class BusinessCalendar
{
    private readonly HashSet<DateOnly> _holidays;

    /// <summary>A calendar with the given holidays (dates in the sender's local calendar).</summary>
    public BusinessCalendar(IEnumerable<DateOnly>? holidays = null)
    {
        _holidays = holidays is null ? [] : [.. holidays];
    }

    /// <summary>Weekends only, no holidays.</summary>
    public static BusinessCalendar WeekendsOnly { get; } = new();

    /// <summary>The holidays, in no particular order.</summary>
    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    /// <summary>True when the date is one of the sender's holidays.</summary>
    public bool IsHoliday(DateOnly date) => _holidays.Contains(date);

    /// <summary>True on a weekday that is not a holiday.</summary>
    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>
    /// The date <paramref name="days"/> business days after <paramref name="from"/> (Friday + 1 is Monday). Zero gives
    /// <paramref name="from"/> itself when it is a business day, else the next business day.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = from;
        if (days == 0)
        {
            while (!IsBusinessDay(date))
            {
                date = date.AddDays(1);
            }

            return date;
        }

        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsBusinessDay(date))
            {
                days--;
            }
        }

        return date;
    }
}
