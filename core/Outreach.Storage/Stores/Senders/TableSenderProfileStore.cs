using System.Globalization;
using Outreach.Core.Planning;
using Outreach.Core.Senders;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Senders;

/// <summary>
/// <see cref="ISenderProfileStore"/> on the <c>SenderProfiles</c> table: PartitionKey the owner, RowKey <c>profile</c>,
/// one column per profile field. The window is stored as its days (<c>Monday,Tuesday,…</c>) and local hours
/// (<c>HH:mm</c>); the SMTP password only ever in its sealed form.
/// </summary>
/// <param name="table">The sender-profiles table (e.g. <c>account.GetTable(StoreTableNames.SenderProfiles)</c>); it must exist.</param>
public sealed class TableSenderProfileStore(TableClient table) : ISenderProfileStore
{
    private const string RowKey = "profile";
    private const string TimeFormat = "HH:mm";

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <inheritdoc />
    public async Task<SenderProfile?> GetAsync(string ownerId, CancellationToken cancellationToken)
    {
        var row = await _table.GetAsync(TableKeyCodec.Encode(ownerId), RowKey, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToProfile(ownerId, row);
    }

    /// <inheritdoc />
    public Task SaveAsync(SenderProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var entity = new TableEntity(TableKeyCodec.Encode(profile.OwnerId), RowKey)
        {
            [nameof(profile.FirstName)] = profile.FirstName,
            [nameof(profile.LastName)] = profile.LastName,
            [nameof(profile.Email)] = profile.Email,
            [nameof(profile.Signature)] = profile.Signature,
            [nameof(profile.School)] = profile.School,
            [nameof(profile.Program)] = profile.Program,
            [nameof(profile.TimeZoneId)] = profile.TimeZoneId,
            ["WindowDays"] = string.Join(',', profile.Window.Days),
            ["WindowOpens"] = profile.Window.Opens.ToString(TimeFormat, CultureInfo.InvariantCulture),
            ["WindowCloses"] = profile.Window.Closes.ToString(TimeFormat, CultureInfo.InvariantCulture),
            [nameof(profile.DailyCap)] = profile.DailyCap,
            ["MinimumSpacingSeconds"] = (long)profile.MinimumSpacing.TotalSeconds,
            ["SmtpHost"] = profile.Smtp?.Host,
            ["SmtpPort"] = profile.Smtp?.Port,
            ["SmtpUserName"] = profile.Smtp?.UserName,
            ["SmtpProtectedPassword"] = profile.Smtp?.ProtectedPassword,
            ["SmtpEnableSsl"] = profile.Smtp?.EnableSsl,
        };
        return _table.UpsertAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    private static SenderProfile ToProfile(string ownerId, TableEntity row) => new()
    {
        OwnerId = ownerId,
        FirstName = row.GetString(nameof(SenderProfile.FirstName)),
        LastName = row.GetString(nameof(SenderProfile.LastName)),
        Email = row.GetString(nameof(SenderProfile.Email)) ?? throw Missing(row, nameof(SenderProfile.Email)),
        Signature = row.GetString(nameof(SenderProfile.Signature)),
        School = row.GetString(nameof(SenderProfile.School)),
        Program = row.GetString(nameof(SenderProfile.Program)),
        TimeZoneId = row.GetString(nameof(SenderProfile.TimeZoneId)) ?? throw Missing(row, nameof(SenderProfile.TimeZoneId)),
        Window = new SendingWindow(
            (row.GetString("WindowDays") ?? throw Missing(row, "WindowDays")).Split(',').Select(Enum.Parse<DayOfWeek>),
            TimeOnly.ParseExact(row.GetString("WindowOpens") ?? throw Missing(row, "WindowOpens"), TimeFormat, CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(row.GetString("WindowCloses") ?? throw Missing(row, "WindowCloses"), TimeFormat, CultureInfo.InvariantCulture)),
        DailyCap = row.GetInt32(nameof(SenderProfile.DailyCap)) ?? SenderSchedule.DefaultDailyCap,
        MinimumSpacing = row.GetInt64("MinimumSpacingSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : SenderSchedule.DefaultMinimumSpacing,
        Smtp = row.GetString("SmtpHost") is { } host
            ? new SmtpAccount(
                host,
                row.GetInt32("SmtpPort") ?? throw Missing(row, "SmtpPort"),
                row.GetString("SmtpUserName") ?? throw Missing(row, "SmtpUserName"),
                row.GetString("SmtpProtectedPassword") ?? throw Missing(row, "SmtpProtectedPassword"),
                row.GetBoolean("SmtpEnableSsl") ?? true)
            : null,
    };

    private static FormatException Missing(TableEntity row, string property) =>
        new($"Sender profile row {row.PartitionKey} has no {property}.");
}
