using System.Globalization;
using Outreach.Core.Contacts;
using Outreach.Core.Planning;
using Outreach.Testing.Time;

namespace Outreach.Core.Tests.Planning;

/// <summary>Small builders shared by the planning tests: instants, clocks, zones and contacts.</summary>
internal static class Given
{
    public static TimeZoneInfo London { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static DateTimeOffset Utc(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static ManualTimeProvider ClockAt(string iso) => new(Utc(iso));

    public static SenderSchedule LondonSender { get; } = SenderSchedule.ForZone("Europe/London");

    public static SenderSchedule NewYorkSender { get; } = SenderSchedule.ForZone("America/New_York");

    public static Contact Contact(string id, DateOnly? metOn = null, string? email = null, string owner = "student-1") => new()
    {
        OwnerId = owner,
        ContactId = id,
        FirstName = "Ada",
        Email = email,
        Events = metOn is null ? [] : [new EventMet("Class visit", metOn)],
    };

    public static DateOnly Date(int year, int month, int day) => new(year, month, day);
}
