using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;

namespace Outreach.Core.Senders;

/// <summary>
/// Who sends an owner's outreach and when: the name and address notes go out from (the student's own mailbox),
/// the owner's IANA time zone, sending window, business calendar, daily cap and spacing, and optionally the owner's own
/// SMTP server.
/// One per owner.
/// </summary>
public sealed record SenderProfile
{
    /// <summary>The owner this profile belongs to.</summary>
    public required string OwnerId { get; init; }

    /// <summary>Given name, used in templates and the From display name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Family name.</summary>
    public string? LastName { get; init; }

    /// <summary>The address notes are sent from (the owner's mailbox).</summary>
    public required string Email { get; init; }

    /// <summary>A sign-off; templates fall back to the full name.</summary>
    public string? Signature { get; init; }

    /// <summary>School or university, for templates.</summary>
    public string? School { get; init; }

    /// <summary>Programme or course, for templates.</summary>
    public string? Program { get; init; }

    /// <summary>IANA time zone id (e.g. <c>Europe/London</c>) in which due times, windows and caps are counted.</summary>
    public string TimeZoneId { get; init; } = "Etc/UTC";

    /// <summary>Days and hours in which mail may go out, in the owner's time zone.</summary>
    public SendingWindow Window { get; init; } = SendingWindow.Weekdays;

    /// <summary>
    /// The owner's business weekdays and holidays: business-day delays count them, and a holiday is closed for sending.
    /// Monday to Friday with no holidays unless the owner says otherwise.
    /// </summary>
    public BusinessCalendar Calendar { get; init; } = BusinessCalendar.WeekendsOnly;

    /// <summary>At most this many sends per local day.</summary>
    public int DailyCap { get; init; } = SenderSchedule.DefaultDailyCap;

    /// <summary>At least this long between two sends.</summary>
    public TimeSpan MinimumSpacing { get; init; } = SenderSchedule.DefaultMinimumSpacing;

    /// <summary>The owner's own SMTP server, or null to use the deployment's.</summary>
    public SmtpAccount? Smtp { get; init; }

    /// <summary>
    /// The stored version this profile was read at (the store's ETag), which <see cref="ISenderProfileStore.TrySaveAsync"/>
    /// checks; null for a profile never stored.
    /// </summary>
    public string? Version { get; init; }

    /// <summary>The full name, or null.</summary>
    public string? FullName => string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } n ? n : null;

    /// <summary>The planning and dispatch schedule this profile implies.</summary>
    /// <exception cref="DomainException">The time zone is unknown.</exception>
    public SenderSchedule ToSchedule() => SenderSchedule.ForZone(TimeZoneId) with
    {
        Window = Window,
        Calendar = Calendar,
        DailyCap = DailyCap,
        MinimumSpacing = MinimumSpacing,
    };

    /// <summary>The sender as templates see it.</summary>
    public SenderDetails ToTemplateSender() => new()
    {
        FirstName = FirstName,
        LastName = LastName,
        Email = Email,
        Signature = Signature,
        School = School,
        Program = Program,
    };

    /// <summary>Printing a profile (e.g. in a log) never shows the address or SMTP account.</summary>
    public override string ToString() => $"SenderProfile {{ OwnerId = {OwnerId}, TimeZoneId = {TimeZoneId}, DailyCap = {DailyCap} }}";
}

/// <summary>An owner's own SMTP account. The password is stored sealed by <see cref="Accounts.SecretProtector"/>.</summary>
/// <param name="Host">SMTP host.</param>
/// <param name="Port">SMTP port (587 for STARTTLS).</param>
/// <param name="UserName">Login.</param>
/// <param name="ProtectedPassword">The password, sealed for this owner; never the plain text.</param>
/// <param name="EnableSsl">STARTTLS.</param>
public sealed record SmtpAccount(string Host, int Port, string UserName, string ProtectedPassword, bool EnableSsl = true)
{
    /// <summary>Never shows the login or sealed password.</summary>
    public override string ToString() => $"SmtpAccount {{ Host = {Host}, Port = {Port} }}";
}
