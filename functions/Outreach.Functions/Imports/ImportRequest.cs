using System.Globalization;
using Outreach.Core;
using Outreach.Core.Imports;

namespace Outreach.Functions.Imports;

/// <summary>
/// What a caller asks of one import (<c>event</c>, <c>metOn</c>, <c>campaign</c>, <c>format</c>, from the query or the
/// multipart form), checked: a bad value is a <see cref="DomainException"/> naming the parameter.
/// </summary>
internal sealed record ImportRequest(string? Event, DateOnly? MetOn, string? Campaign, ImportFormat? Format)
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

    public static ImportRequest Parse(string? eventName, string? metOn, string? campaign, string? format) => new(
        string.IsNullOrWhiteSpace(eventName) ? null : eventName.Trim(),
        ParseDate(metOn),
        string.IsNullOrWhiteSpace(campaign) ? null : campaign.Trim(),
        ParseFormat(format));

    public ImportOptions ToOptions(string ownerId, string importId, string fileName, long sizeBytes) => new()
    {
        OwnerId = ownerId,
        ImportId = importId,
        FileName = fileName,
        Format = Format,
        DefaultEvent = Event,
        DefaultMetOn = MetOn,
        TotalBytes = sizeBytes,
    };

    private static DateOnly? ParseDate(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? null
            : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new DomainException("import.bad-parameter", "metOn must be a date written yyyy-MM-dd.", "metOn");

    private static ImportFormat? ParseFormat(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (FormatNames.TryGetValue(value.Trim(), out var format)
            || (Enum.TryParse(value.Trim(), ignoreCase: true, out format) && Enum.IsDefined(format) && !char.IsAsciiDigit(value.Trim()[0])))
        {
            return format;
        }

        throw new DomainException(
            "import.bad-parameter",
            $"format must be one of {string.Join(", ", FormatNames.Keys)} (or {string.Join(", ", Enum.GetNames<ImportFormat>())}).",
            "format");
    }
}
