using System.Globalization;
using Outreach.Core;
using Outreach.Core.Imports;

namespace Outreach.Functions.Imports;

/// <summary>
/// What a caller asks of one import (<c>event</c>, <c>metOn</c>, <c>campaign</c>, <c>format</c>, <c>dateCulture</c>, <c>columns</c>,
/// <c>charset</c>, from the query or the multipart form), checked: a bad value is a <see cref="DomainException"/> naming the parameter.
/// </summary>
/// <param name="Event">The event the rows' people were met at, for rows that name none.</param>
/// <param name="MetOn">The date they were met, for rows that give none.</param>
/// <param name="Campaign">The campaign to enrol the imported contacts in.</param>
/// <param name="Format">The format to read the file as, instead of detecting it.</param>
/// <param name="DateCulture">The culture whose short dates say whether <c>03/04/2024</c> is day or month first.</param>
/// <param name="Columns">The caller's own names for columns (<c>Correo=email; Empresa=company</c>).</param>
/// <param name="Check">Whether to only check the file (<c>check=true</c>): report what the import would do, store nothing.</param>
/// <param name="Charset">The file's text encoding as the caller named it (<c>charset</c>, else the upload's content type), or null to detect it.</param>
internal sealed record ImportRequest(
    string? Event,
    DateOnly? MetOn,
    string? Campaign,
    ImportFormat? Format,
    CultureInfo? DateCulture = null,
    ColumnMapping? Columns = null,
    bool Check = false,
    string? Charset = null)
{
    /// <summary>Short names accepted for <c>format</c> besides the <see cref="ImportFormat"/> names themselves.</summary>
    private static readonly Dictionary<string, ImportFormat> FormatNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["generic"] = ImportFormat.Generic,
        ["linkedin"] = ImportFormat.LinkedInConnections,
        ["google"] = ImportFormat.GoogleContacts,
        ["outlook"] = ImportFormat.OutlookContacts,
        ["class-visit"] = ImportFormat.ClassVisitSheet,
    };

    /// <summary>
    /// The request from the parameters as the caller gave them (or null where absent); <paramref name="declaredCharset"/>
    /// is the charset the upload's content type names, which a <c>charset</c> parameter overrides.
    /// </summary>
    public static ImportRequest Parse(Func<string, string?> parameter, string? declaredCharset = null)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return new(
            parameter("event") is { } eventName && !string.IsNullOrWhiteSpace(eventName) ? eventName.Trim() : null,
            ParseDate(parameter("metOn")),
            parameter("campaign") is { } campaign && !string.IsNullOrWhiteSpace(campaign) ? campaign.Trim() : null,
            ParseFormat(parameter("format")),
            ParseCulture(parameter("dateCulture")),
            ColumnMapping.Parse(parameter("columns")),
            ParseFlag(parameter("check"), "check"),
            ParseCharset(parameter("charset") ?? declaredCharset));
    }

    /// <summary>What <paramref name="record"/>'s import was asked (to read its kept upload again as it was read).</summary>
    public static ImportRequest Of(ImportRecord record) => new(
        record.Event,
        record.MetOn,
        record.Campaign,
        Enum.TryParse<ImportFormat>(record.Format, out var format) ? format : null,
        record.DateCulture is { } culture ? CultureInfo.GetCultureInfo(culture) : null,
        ColumnMapping.Parse(record.Columns),
        Charset: record.Charset);

    /// <summary>The record of a new import of this request, queued (the caller runs it at once or queues it).</summary>
    public ImportRecord NewRecord(string ownerId, string importId, string fileName, long sizeBytes, ImportFormat? format, DateTimeOffset createdUtc) => new()
    {
        Id = importId,
        OwnerId = ownerId,
        Status = ImportStatus.Queued,
        FileName = fileName,
        Format = format?.ToString(),
        Event = Event,
        MetOn = MetOn,
        Campaign = Campaign,
        DateCulture = DateCulture?.Name,
        Columns = Columns?.ToString(),
        Charset = Charset,
        SizeBytes = sizeBytes,
        CreatedUtc = createdUtc,
    };

    public ImportOptions ToOptions(string ownerId, string importId, string fileName, long sizeBytes) => new()
    {
        OwnerId = ownerId,
        ImportId = importId,
        FileName = fileName,
        Format = Format,
        DefaultEvent = Event,
        DefaultMetOn = MetOn,
        DateCulture = DateCulture,
        Columns = Columns,
        Charset = Charset,
        TotalBytes = sizeBytes,
    };

    private static CultureInfo? ParseCulture(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(value.Trim(), predefinedOnly: true);
            if (!culture.Equals(CultureInfo.InvariantCulture))
            {
                return culture;
            }
        }
        catch (CultureNotFoundException)
        {
            // Answered below, as an empty name is.
        }

        throw new DomainException("import.bad-parameter", "dateCulture must be a culture name such as en-GB (day first) or en-US (month first).", "dateCulture");
    }

    /// <summary>The charset named, checked now (a <see cref="DomainException"/> naming <c>charset</c>) so a queued import cannot fail on it later.</summary>
    private static string? ParseCharset(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var name = value.Trim();
        _ = DeclaredCharset.Resolve(name);
        return name;
    }

    private static bool ParseFlag(string? value, string name) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw new DomainException("import.bad-parameter", $"{name} must be true or false.", name),
    };

    private static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // Quoted back: 2024-02-30 is written the right way but is no day, and a form that sent metOn twice sends "a,b".
        var shown = value.Length > 40 ? value[..40] + "…" : value;
        throw new DomainException("import.bad-parameter", $"metOn must be a day of the calendar written yyyy-MM-dd; '{shown}' is not one.", "metOn");
    }

    private static ImportFormat? ParseFormat(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // One name: Enum.TryParse would also take a number, or a list it ORs into some other format.
        var name = value.Trim();
        if (FormatNames.TryGetValue(name, out var format)
            || (name.All(char.IsAsciiLetter) && Enum.TryParse(name, ignoreCase: true, out format) && Enum.IsDefined(format)))
        {
            return format;
        }

        throw new DomainException(
            "import.bad-parameter",
            $"format must be one of {string.Join(", ", FormatNames.Keys)} (or {string.Join(", ", Enum.GetNames<ImportFormat>())}).",
            "format");
    }
}
