using System.Globalization;
using System.Net.Mail;
using Outreach.Core;
using Outreach.Core.Planning;
using Outreach.Core.Senders;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// The sender profile as <c>GET|PUT /api/sender</c> show and take it: names, sending address, IANA time zone, sending
/// window (days by English name, hours as <c>HH:mm</c>), daily cap, minimum spacing in seconds, business days (by
/// English name; Monday to Friday when absent) and holidays (<c>yyyy-MM-dd</c>, at most
/// <see cref="BusinessCalendar.MaxHolidays"/>; none when absent). A PUT replaces the whole profile; an absent field
/// takes its default. The owner's own SMTP account (<c>smtp</c>) is shown without its password and set only through
/// <c>PUT|DELETE /api/sender/smtp</c>: a PUT here ignores it and keeps the stored one.
/// </summary>
internal sealed record SenderBody(
    string? FirstName,
    string? LastName,
    string? Email,
    string? Signature,
    string? School,
    string? Program,
    string? TimeZone,
    WindowBody? Window,
    int? DailyCap,
    int? MinimumSpacingSeconds,
    IReadOnlyList<string?>? BusinessDays,
    IReadOnlyList<string?>? Holidays,
    SmtpAccountView? Smtp = null)
{
    public const int MaxDailyCap = 500;
    public const int MaxSpacingSeconds = 24 * 60 * 60;

    public static SenderBody Of(SenderProfile p) => new(
        p.FirstName,
        p.LastName,
        p.Email,
        p.Signature,
        p.School,
        p.Program,
        p.TimeZoneId,
        new WindowBody([.. p.Window.Days.Select(d => d.ToString().ToLowerInvariant())], p.Window.Opens.ToString("HH:mm", CultureInfo.InvariantCulture), p.Window.Closes.ToString("HH:mm", CultureInfo.InvariantCulture)),
        p.DailyCap,
        (int)p.MinimumSpacing.TotalSeconds,
        [.. p.Calendar.BusinessDays.Select(d => d.ToString().ToLowerInvariant())],
        [.. p.Calendar.Holidays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
        SmtpAccountView.Of(p.Smtp));

    /// <summary>The profile this body describes, keeping <paramref name="previous"/>'s SMTP account.</summary>
    /// <param name="ownerId">The owner.</param>
    /// <param name="previous">The profile it replaces, or null.</param>
    /// <param name="now">The current instant: the calendar must leave a day to send on in the year from the owner's today.</param>
    /// <exception cref="DomainException">
    /// A field is invalid (target names it: <c>timeZone</c>, <c>window.opens</c>, <c>dailyCap</c>...), or the holidays
    /// leave no sending or business day in the coming year (target <c>holidays</c>).
    /// </exception>
    public SenderProfile ToProfile(string ownerId, SenderProfile? previous, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(Email) || !MailAddress.TryCreate(Email.Trim(), out var address) || !string.Equals(address.Address, Email.Trim(), StringComparison.Ordinal))
        {
            throw new DomainException("sender.invalid", "The sending address is not an email address.", "email");
        }

        var window = Window ?? new WindowBody(null, null, null);
        var profile = new SenderProfile
        {
            OwnerId = ownerId,
            FirstName = Clean(FirstName),
            LastName = Clean(LastName),
            Email = address.Address,
            Signature = Clean(Signature),
            School = Clean(School),
            Program = Clean(Program),
            TimeZoneId = string.IsNullOrWhiteSpace(TimeZone) ? throw new DomainException("sender.invalid", "Name your IANA time zone, e.g. Europe/London.", "timeZone") : TimeZone.Trim(),
            Window = new SendingWindow(
                window.Days is null ? SendingWindow.Weekdays.Days : window.Days.Select((d, i) => ParseDay(d, $"window.days[{i}]")),
                window.Opens is null ? SendingWindow.Weekdays.Opens : ParseTime(window.Opens, "window.opens"),
                window.Closes is null ? SendingWindow.Weekdays.Closes : ParseTime(window.Closes, "window.closes")),
            DailyCap = DailyCap is null or (>= 1 and <= MaxDailyCap) ? DailyCap ?? SenderSchedule.DefaultDailyCap
                : throw new DomainException("sender.invalid", $"The daily cap is 1 to {MaxDailyCap} emails.", "dailyCap"),
            MinimumSpacing = MinimumSpacingSeconds is null or (>= 0 and <= MaxSpacingSeconds)
                ? MinimumSpacingSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : SenderSchedule.DefaultMinimumSpacing
                : throw new DomainException("sender.invalid", $"The minimum spacing is 0 to {MaxSpacingSeconds} seconds.", "minimumSpacingSeconds"),
            Calendar = ParseCalendar(),
            Smtp = previous?.Smtp,
        };
        SenderSchedule schedule;
        try
        {
            // Resolve the zone now: an unknown one is refused here, not at the first send. Windows ids resolve on Linux
            // too, but the contract (and the dashboard) speak IANA.
            schedule = profile.ToSchedule();
            if (!schedule.TimeZone.HasIanaId)
            {
                throw new DomainException("schedule.unknown-time-zone", $"'{profile.TimeZoneId}' is not an IANA time zone (e.g. Europe/London).", "timeZone");
            }
        }
        catch (DomainException e)
        {
            throw new DomainException("sender.invalid", e.Message, "timeZone");
        }

        try
        {
            // Refused here, not at the next enrolment, where planning would find no day to send on.
            schedule.EnsureSendingDayAhead(schedule.LocalDateOf(now));
        }
        catch (DomainException e)
        {
            throw new DomainException("sender.invalid", e.Message, "holidays");
        }

        return profile;
    }

    private BusinessCalendar ParseCalendar()
    {
        var holidays = Holidays?.Select((d, i) => ParseDate(d, $"holidays[{i}]")).ToList();
        var businessDays = BusinessDays?.Select((d, i) => ParseDay(d, $"businessDays[{i}]")).ToList();
        try
        {
            // The calendar's own rules (a business day at least, at most MaxHolidays holidays) are the API's.
            return new BusinessCalendar(holidays, businessDays);
        }
        catch (DomainException e)
        {
            throw new DomainException("sender.invalid", e.Message, e.Target);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DayOfWeek ParseDay(string? text, string target) =>
        Enum.TryParse<DayOfWeek>(text, ignoreCase: true, out var day) && Enum.IsDefined(day) && !int.TryParse(text, CultureInfo.InvariantCulture, out _) ? day
        : throw new DomainException("sender.invalid", $"'{text}' is not a day of the week (monday ... sunday).", target);

    private static DateOnly ParseDate(string? text, string target) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new DomainException("sender.invalid", $"'{text}' is not a date (yyyy-MM-dd).", target);

    private static TimeOnly ParseTime(string text, string target) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
        : throw new DomainException("sender.invalid", $"'{text}' is not a time of day (HH:mm).", target);
}

/// <summary>The sending window: days (e.g. <c>monday</c>) and local hours <c>[opens, closes)</c>.</summary>
internal sealed record WindowBody(IReadOnlyList<string?>? Days, string? Opens, string? Closes);
