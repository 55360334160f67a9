namespace Outreach.Core.Planning;

/// <summary>
/// Converts between UTC instants and a sender's local wall-clock time, with explicit rules for the two hours a year
/// where the mapping is not one-to-one (Reply.io's UTC-only scheduling is the pitfall this avoids).
/// </summary>
public static class ZonedTime
{
    /// <summary>
    /// The instant a local wall-clock time denotes in <paramref name="zone"/>. A time inside the spring-forward gap does
    /// not exist, so it moves forward by the gap's length (01:30 in London on the switch day becomes 02:30 BST), which is
    /// what a person means by "half past one, however the clocks read". An ambiguous time in the fall-back hour takes
    /// its first occurrence (the daylight-saving offset), so nothing is sent an hour later than aimed.
    /// </summary>
    /// <param name="local">A wall-clock time; its <see cref="DateTime.Kind"/> is ignored.</param>
    /// <param name="zone">The sender's zone.</param>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // Reading the wall time with the offset in force just before the gap shifts it forward by the gap.
            offset = zone.GetUtcOffset(local.AddHours(-3));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    /// <summary>The instant of <paramref name="time"/> on <paramref name="date"/> in <paramref name="zone"/> (see <see cref="ToUtc(DateTime, TimeZoneInfo)"/>).</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone) =>
        ToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), zone);

    /// <summary>The local wall-clock time of an instant in <paramref name="zone"/>.</summary>
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(instant, zone).DateTime;
    }
}
