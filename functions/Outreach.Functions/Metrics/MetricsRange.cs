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

    /// <summary>The zone that reaches each date last (UTC−12): a day is over everywhere once it is over there.</summary>
    private static readonly TimeSpan LastZoneOffset = TimeSpan.FromHours(-12);

    /// <summary>
    /// Resolves the range; <paramref name="today"/> is asked only when <c>to</c> is left out (it may cost a read per
    /// owner), since a default <c>from</c> counts back from <c>to</c>.
    /// </summary>
    public static async Task<(string From, string To)> ResolveAsync(
        string? from, string? to, Func<CancellationToken, Task<DateOnly>> today, CancellationToken cancellationToken)
    {
        var resolvedTo = string.IsNullOrWhiteSpace(to) ? Format(await today(cancellationToken).ConfigureAwait(false)) : to;
        if (!string.IsNullOrWhiteSpace(from))
        {
            return (from, resolvedTo);
        }

        // An invalid 'to' is reported by the query parser; the default 'from' then only needs to be some date. A 'to' in
        // the first weeks of year 1 starts the range on the first day there is.
        var last = DateOnly.TryParseExact(resolvedTo, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : DateOnly.MaxValue;
        return (Format(DateOnly.FromDayNumber(Math.Max(0, last.DayNumber + 1 - DefaultDays))), resolvedTo);
    }

    /// <summary>
    /// The day a report is read on for its follow-up windows (<see cref="Core.Analytics.Reports.MetricsQuery.AsOf"/>):
    /// today in the zone that reaches each date last, so a meeting counts towards "followed up within N days" only once
    /// its N days are over in every owner's calendar, and an owner who may still write in time is never counted as late.
    /// It needs no owner's zone, so an answer does not depend on who else is in the view (a client's figures are the same
    /// on their own page and on their coach's) nor on whether the range was given or defaulted.
    /// </summary>
    public static DateOnly WindowsAsOf(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(LastZoneOffset).DateTime);

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
