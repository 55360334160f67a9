using System.Globalization;
using System.Text.RegularExpressions;

namespace Outreach.Core.Outcomes;

/// <summary>Parses RFC 5322 Date values (<c>Mon, 2 Mar 2026 09:00:00 +0100 (CET)</c>), including obsolete zone names.</summary>
public static partial class MailDate
{
    private static readonly string[] Formats = ["d MMM yyyy H:mm:ss", "d MMM yyyy H:mm", "d MMM yy H:mm:ss", "d MMM yy H:mm"];

    /// <summary>Parses a Date header value; null when it cannot be read (a bad Date never rejects a message).</summary>
    public static DateTimeOffset? TryParse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var match = DatePattern().Match(value);
        if (!match.Success)
        {
            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) ? iso : null;
        }

        var local = Regex.Replace(match.Groups["datetime"].Value, @"\s+", " ");
        if (!DateTime.TryParseExact(local, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime)
            || ZoneOffset(match.Groups["zone"].Value) is not { } offset)
        {
            return null;
        }

        return new DateTimeOffset(dateTime, offset);
    }

    private static TimeSpan? ZoneOffset(string zone)
    {
        if (zone.Length == 5 && zone[0] is '+' or '-'
            && int.TryParse(zone.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(zone.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && hours < 24 && minutes < 60)
        {
            var offset = new TimeSpan(hours, minutes, 0);
            return zone[0] == '-' ? -offset : offset;
        }

        // RFC 5322 4.3 obsolete zones; anything else (military letters) means "unknown", read as UTC.
        return zone.ToUpperInvariant() switch
        {
            "EDT" => TimeSpan.FromHours(-4),
            "EST" or "CDT" => TimeSpan.FromHours(-5),
            "CST" or "MDT" => TimeSpan.FromHours(-6),
            "MST" or "PDT" => TimeSpan.FromHours(-7),
            "PST" => TimeSpan.FromHours(-8),
            _ => TimeSpan.Zero,
        };
    }

    [GeneratedRegex(@"^\s*(?:[A-Za-z]{3},\s*)?(?<datetime>\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?)\s*(?<zone>[+-]\d{4}|[A-Za-z]{1,5})?", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
