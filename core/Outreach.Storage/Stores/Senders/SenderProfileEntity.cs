using System.Globalization;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Senders;

/// <summary>
/// Maps a <see cref="SenderProfile"/> to its <c>Senders</c> row: PartitionKey the owner, RowKey <c>profile</c>. The window
/// is three columns (days as <c>1,2,3,4,5</c>, opens and closes as <c>HH:mm</c>); the business calendar is two
/// (BusinessDays as <c>1,2,3,4,5</c>, Holidays as <c>yyyy-MM-dd</c> dates joined by commas; a row written before they
/// existed reads as Monday to Friday with no holidays); the SMTP account's password column holds only the sealed value.
/// </summary>
internal static class SenderProfileEntity
{
    public const string Row = "profile";

    public static TableEntity From(SenderProfile p) => new(TableKeyCodec.Encode(p.OwnerId), Row)
    {
        [nameof(p.FirstName)] = p.FirstName,
        [nameof(p.LastName)] = p.LastName,
        [nameof(p.Email)] = p.Email,
        [nameof(p.Signature)] = p.Signature,
        [nameof(p.School)] = p.School,
        [nameof(p.Program)] = p.Program,
        [nameof(p.TimeZoneId)] = p.TimeZoneId,
        ["WindowDays"] = string.Join(',', p.Window.Days.Select(d => ((int)d).ToString(CultureInfo.InvariantCulture))),
        ["WindowOpens"] = p.Window.Opens.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["WindowCloses"] = p.Window.Closes.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["BusinessDays"] = string.Join(',', p.Calendar.BusinessDays.Select(d => ((int)d).ToString(CultureInfo.InvariantCulture))),
        ["Holidays"] = string.Join(',', p.Calendar.Holidays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        [nameof(p.DailyCap)] = p.DailyCap,
        ["MinimumSpacingSeconds"] = (long)p.MinimumSpacing.TotalSeconds,
        ["SmtpHost"] = p.Smtp?.Host,
        ["SmtpPort"] = p.Smtp?.Port,
        ["SmtpUserName"] = p.Smtp?.UserName,
        ["SmtpProtectedPassword"] = p.Smtp?.ProtectedPassword,
        ["SmtpEnableSsl"] = p.Smtp?.EnableSsl,
    };

    public static SenderProfile To(TableEntity e) => new()
    {
        OwnerId = TableKeyCodec.Decode(e.PartitionKey),
        FirstName = e.GetString(nameof(SenderProfile.FirstName)),
        LastName = e.GetString(nameof(SenderProfile.LastName)),
        Email = e.GetString(nameof(SenderProfile.Email)) ?? throw new FormatException($"Sender row {e.PartitionKey} has no Email."),
        Signature = e.GetString(nameof(SenderProfile.Signature)),
        School = e.GetString(nameof(SenderProfile.School)),
        Program = e.GetString(nameof(SenderProfile.Program)),
        TimeZoneId = e.GetString(nameof(SenderProfile.TimeZoneId)) ?? "Etc/UTC",
        Window = new SendingWindow(
            (e.GetString("WindowDays") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => (DayOfWeek)int.Parse(d, CultureInfo.InvariantCulture)),
            TimeOnly.ParseExact(e.GetString("WindowOpens") ?? "09:00", "HH:mm", CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(e.GetString("WindowCloses") ?? "17:00", "HH:mm", CultureInfo.InvariantCulture)),
        Calendar = new BusinessCalendar(
            (e.GetString("Holidays") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
            e.GetString("BusinessDays") is { Length: > 0 } days
                ? days.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => (DayOfWeek)int.Parse(d, CultureInfo.InvariantCulture))
                : null),
        DailyCap = e.GetInt32(nameof(SenderProfile.DailyCap)) ?? SenderSchedule.DefaultDailyCap,
        MinimumSpacing = TimeSpan.FromSeconds(e.GetInt64("MinimumSpacingSeconds") ?? (long)SenderSchedule.DefaultMinimumSpacing.TotalSeconds),
        Smtp = e.GetString("SmtpHost") is { } host
            ? new SmtpAccount(host, e.GetInt32("SmtpPort") ?? 587, e.GetString("SmtpUserName") ?? string.Empty, e.GetString("SmtpProtectedPassword") ?? string.Empty, e.GetBoolean("SmtpEnableSsl") ?? true)
            : null,
    };
}
