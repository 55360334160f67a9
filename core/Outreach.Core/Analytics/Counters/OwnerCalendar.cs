namespace Outreach.Core.Analytics.Counters;

/// <summary>
/// Days in metrics are the owner's calendar days: a student reads "met Monday, wrote by Wednesday" in their own
/// time zone, and the meeting date from a class-visit sheet or LinkedIn export has no time of day to count
/// hours from. So a send at 23:30 in Lisbon is credited to that Lisbon day even though it is the next day in UTC.
/// </summary>
public static class OwnerCalendar
{
    /// <summary>The owner-local date of an instant.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="ownerTimeZone">The owner's time zone.</param>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo ownerTimeZone)
    {
        ArgumentNullException.ThrowIfNull(ownerTimeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ownerTimeZone).DateTime);
    }

    /// <summary>
    /// Whole calendar days from the meeting to the owner-local date of <paramref name="sentAt"/>: 0 on the day of
    /// the meeting, 2 until local midnight at the end of the second day after it; negative before the meeting.
    /// </summary>
    /// <param name="metOn">The owner-local meeting date.</param>
    /// <param name="sentAt">When the outreach was sent.</param>
    /// <param name="ownerTimeZone">The owner's time zone.</param>
    public static int DaysAfterMeeting(DateOnly metOn, DateTimeOffset sentAt, TimeZoneInfo ownerTimeZone) =>
        LocalDate(sentAt, ownerTimeZone).DayNumber - metOn.DayNumber;
}
