using System.Globalization;

namespace Outreach.Functions.Metrics;

/// <summary>
/// The days a metrics request covers when it leaves <c>from</c> or <c>to</c> out: up to today in the owner's calendar,
/// over the last <see cref="DefaultDays"/> days (twelve whole weeks, what the dashboard's weekly chart shows).
/// Values that are given pass through untouched, so <see cref="Core.Analytics.Reports.MetricsQuery.Parse"/> validates them.
/// </summary>
internal static class MetricsRange
{
    public const int DefaultDays = 84;

    public static (string From, string To) Resolve(string? from, string? to, DateOnly today)
    {
        var resolvedTo = string.IsNullOrWhiteSpace(to) ? Format(today) : to;
        if (!string.IsNullOrWhiteSpace(from))
        {
            return (from, resolvedTo);
        }

        // An invalid 'to' is reported by the query parser; the default 'from' then only needs to be some date.
        var last = DateOnly.TryParseExact(resolvedTo, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : today;
        return (Format(last.AddDays(1 - DefaultDays)), resolvedTo);
    }

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
