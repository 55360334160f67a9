using Outreach.Core.Analytics.Counters;

namespace Outreach.Functions.Metrics;

/// <summary>
/// The owners one metrics request covers, the time zones their counters place days in (one owner's; a coach view's, each
/// client's and the coach's own), and the cohorts the coach whose view it is files those owners under (empty for an
/// owner's own view).
/// </summary>
internal sealed record MetricsReach(IReadOnlyList<string> OwnerIds, IReadOnlyList<TimeZoneInfo> TimeZones, IReadOnlyDictionary<string, string> Cohorts)
{
    /// <summary>
    /// The last day the default range covers: the latest today among the zones, so no owner's today (with whatever they
    /// sent or were answered on it) is left out because someone else's calendar has not reached it yet.
    /// </summary>
    public DateOnly Today(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return TimeZones.Select(zone => OwnerCalendar.LocalDate(now, zone)).Max();
    }
}
