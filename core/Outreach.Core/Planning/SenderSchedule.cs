namespace Outreach.Core.Planning;

/// <summary>
/// Everything about a sender that decides when their mail goes out: time zone, sending window, business calendar,
/// daily cap and minimum spacing. The cap and spacing are applied when dispatching, never when planning.
/// </summary>
public sealed record SenderSchedule
{
    /// <summary>The per-sender daily cap when none is configured (lemlist recommends at most 100; students send far fewer).</summary>
    public const int DefaultDailyCap = 40;

    /// <summary>The gap between two sends when none is configured.</summary>
    public static readonly TimeSpan DefaultMinimumSpacing = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How many days from today a schedule must leave a day to send on and a business day (a year, leap day included):
    /// planning looks about that far for the next one before it gives up.
    /// </summary>
    public const int LookaheadDays = 366;

    /// <summary>The sender's zone (an IANA zone such as <c>Europe/London</c>; use <see cref="ForZone"/>).</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>When mail may go out, in the sender's local time.</summary>
    public SendingWindow Window { get; init; } = SendingWindow.Weekdays;

    /// <summary>Business days and holidays; holidays are also closed for sending.</summary>
    public BusinessCalendar Calendar { get; init; } = BusinessCalendar.WeekendsOnly;

    /// <summary>At most this many sends per local day.</summary>
    public int DailyCap { get; init; } = DefaultDailyCap;

    /// <summary>At least this long between two sends.</summary>
    public TimeSpan MinimumSpacing { get; init; } = DefaultMinimumSpacing;

    /// <summary>A schedule for an IANA zone id with the default window, calendar, cap and spacing.</summary>
    /// <exception cref="DomainException">The zone id is unknown (target <c>timeZone</c>).</exception>
    public static SenderSchedule ForZone(string ianaZoneId)
    {
        try
        {
            return new SenderSchedule { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(ianaZoneId) };
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new DomainException("schedule.unknown-time-zone", $"'{ianaZoneId}' is not a known IANA time zone (e.g. Europe/London).", "timeZone");
        }
    }

    /// <summary>The sender's local date at an instant.</summary>
    public DateOnly LocalDateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ZonedTime.ToLocal(instant, TimeZone));

    /// <summary>True when mail may go out on that local date (an allowed weekday that is not a holiday).</summary>
    public bool IsSendingDay(DateOnly date) => Window.AllowsDay(date.DayOfWeek) && !Calendar.IsHoliday(date);

    /// <summary>
    /// <paramref name="instant"/> itself when it falls inside the sending window, otherwise the next time the window
    /// opens (the same day's opening when it is still early, else the opening of the next sending day).
    /// </summary>
    /// <exception cref="DomainException">Holidays close every sending day for more than a year.</exception>
    public DateTimeOffset NextOpening(DateTimeOffset instant)
    {
        EnsureValid();
        var local = ZonedTime.ToLocal(instant, TimeZone);
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (IsSendingDay(date))
        {
            if (time >= Window.Opens && time < Window.Closes)
            {
                return instant;
            }

            if (time < Window.Opens)
            {
                return ZonedTime.ToUtc(date, Window.Opens, TimeZone);
            }
        }

        return OpeningOfNextSendingDayAfter(date);
    }

    /// <summary>The window opening on the first sending day strictly after <paramref name="date"/>.</summary>
    /// <exception cref="DomainException">Holidays close every sending day for more than a year.</exception>
    public DateTimeOffset OpeningOfNextSendingDayAfter(DateOnly date) =>
        ZonedTime.ToUtc(SendingDayOnOrAfter(date.AddDays(1)), Window.Opens, TimeZone);

    /// <summary><paramref name="date"/> itself when mail may go out that day, else the next date when it may.</summary>
    /// <exception cref="DomainException">Holidays close every sending day for more than a year.</exception>
    public DateOnly SendingDayOnOrAfter(DateOnly date)
    {
        for (var i = 0; i <= 400; i++)
        {
            if (IsSendingDay(date.AddDays(i)))
            {
                return date.AddDays(i);
            }
        }

        throw new DomainException("schedule.no-sending-day", "The sending window and holidays leave no sending day within a year.", "calendar.holidays");
    }

    /// <summary>
    /// Throws when, in the <see cref="LookaheadDays"/> days from <paramref name="today"/> (the sender's local date), the
    /// window and holidays leave no day mail may go out, or the business days and holidays leave no business day for
    /// business-day delays to count: such a schedule would only fail, or plan a year out, at the next enrolment.
    /// </summary>
    /// <exception cref="DomainException">No such day (code <c>schedule.no-sending-day</c>, target <c>calendar.holidays</c>).</exception>
    public void EnsureSendingDayAhead(DateOnly today)
    {
        var days = Enumerable.Range(0, LookaheadDays).Select(today.AddDays).ToList();
        if (!days.Any(IsSendingDay))
        {
            throw new DomainException(
                "schedule.no-sending-day",
                $"The holidays close every sending day ({string.Join(", ", Window.Days)}) of the {LookaheadDays} days from {today:yyyy-MM-dd}: nothing could be sent.",
                "calendar.holidays");
        }

        if (!days.Any(Calendar.IsBusinessDay))
        {
            throw new DomainException(
                "schedule.no-sending-day",
                $"The holidays cover every business day ({string.Join(", ", Calendar.BusinessDays)}) of the {LookaheadDays} days from {today:yyyy-MM-dd}: no business-day step could be planned.",
                "calendar.holidays");
        }
    }

    /// <summary>Throws when the cap or spacing cannot work.</summary>
    /// <exception cref="DomainException">A non-positive cap or a negative spacing.</exception>
    public void EnsureValid()
    {
        if (DailyCap <= 0)
        {
            throw new DomainException("schedule.invalid", $"The daily cap must be at least 1, not {DailyCap}.", "dailyCap");
        }

        if (MinimumSpacing < TimeSpan.Zero)
        {
            throw new DomainException("schedule.invalid", "The minimum spacing between sends cannot be negative.", "minimumSpacing");
        }
    }
}
