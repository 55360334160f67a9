namespace Outreach.Core.Planning;

/// <summary>
/// Which days count as business days for a sender: one of their business weekdays (Monday to Friday unless they say
/// otherwise, e.g. Sunday to Thursday) that is not one of their holidays. Two calendars with the same weekdays and
/// holidays are equal.
/// </summary>
public sealed class BusinessCalendar : IEquatable<BusinessCalendar>
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DayOfWeek> _businessDays;

    /// <summary>A calendar with the given holidays (dates in the sender's local calendar) and business weekdays.</summary>
    /// <param name="holidays">The sender's holidays, or null for none.</param>
    /// <param name="businessDays">The weekdays that count as business days, or null for Monday to Friday.</param>
    /// <exception cref="DomainException">
    /// No business weekday (target <c>businessDays</c>), or more than <see cref="MaxHolidays"/> holidays (target
    /// <c>holidays</c>).
    /// </exception>
    public BusinessCalendar(IEnumerable<DateOnly>? holidays = null, IEnumerable<DayOfWeek>? businessDays = null)
    {
        _holidays = holidays is null ? [] : [.. holidays];
        _businessDays = businessDays is null ? [.. MondayToFriday] : [.. businessDays];
        if (_businessDays.Count == 0)
        {
            throw new DomainException("schedule.invalid", "A business calendar needs at least one business day of the week.", "businessDays");
        }

        if (_holidays.Count > MaxHolidays)
        {
            throw new DomainException("schedule.invalid", $"At most {MaxHolidays} holidays, not {_holidays.Count}.", "holidays");
        }
    }

    /// <summary>
    /// The most holidays a calendar holds: a year of days off, leap day included. More is a mistake, and a stored
    /// profile stays small.
    /// </summary>
    public const int MaxHolidays = 366;

    /// <summary>Monday to Friday, the business weekdays when none are configured.</summary>
    public static IReadOnlyList<DayOfWeek> MondayToFriday { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Monday to Friday, no holidays.</summary>
    public static BusinessCalendar WeekendsOnly { get; } = new();

    /// <summary>The holidays, earliest first.</summary>
    public IReadOnlyList<DateOnly> Holidays => [.. _holidays.Order()];

    /// <summary>The business weekdays, Sunday first.</summary>
    public IReadOnlyList<DayOfWeek> BusinessDays => [.. _businessDays.Order()];

    /// <summary>True when the date is one of the sender's holidays.</summary>
    public bool IsHoliday(DateOnly date) => _holidays.Contains(date);

    /// <summary>True on a business weekday that is not a holiday.</summary>
    public bool IsBusinessDay(DateOnly date) => _businessDays.Contains(date.DayOfWeek) && !_holidays.Contains(date);

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

    /// <inheritdoc />
    public bool Equals(BusinessCalendar? other) =>
        other is not null && (ReferenceEquals(this, other) || (_businessDays.SetEquals(other._businessDays) && _holidays.SetEquals(other._holidays)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BusinessCalendar);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_businessDays.Count, _holidays.Count, _businessDays.Sum(d => 1 << (int)d));
}
