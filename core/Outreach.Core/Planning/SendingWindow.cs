namespace Outreach.Core.Planning;

/// <summary>The days of the week and the local hours [<see cref="Opens"/>, <see cref="Closes"/>) in which a sender's mail may go out.</summary>
public sealed record SendingWindow
{
    /// <summary>Creates a window.</summary>
    /// <exception cref="DomainException">No day allowed, or the window does not open before it closes.</exception>
    public SendingWindow(IEnumerable<DayOfWeek> days, TimeOnly opens, TimeOnly closes)
    {
        ArgumentNullException.ThrowIfNull(days);
        Days = [.. days.Distinct().Order()];
        if (Days.Count == 0)
        {
            throw new DomainException("schedule.invalid", "A sending window needs at least one day.", "window.days");
        }

        if (opens >= closes)
        {
            throw new DomainException("schedule.invalid", $"A sending window must open before it closes ({opens:HH\\:mm} is not before {closes:HH\\:mm}).", "window.closes");
        }

        Opens = opens;
        Closes = closes;
    }

    /// <summary>Monday to Friday, 08:00 to 18:00 local time.</summary>
    public static SendingWindow Weekdays { get; } = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(8, 0),
        new TimeOnly(18, 0));

    /// <summary>The allowed days, Sunday first.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; }

    /// <summary>Local time the window opens (inclusive).</summary>
    public TimeOnly Opens { get; }

    /// <summary>Local time the window closes (exclusive).</summary>
    public TimeOnly Closes { get; }

    /// <summary>True when mail may go out on that day of the week.</summary>
    public bool AllowsDay(DayOfWeek day) => Days.Contains(day);
}
