using Outreach.Core.Analytics.Counters;

namespace Outreach.Functions.Metrics;

/// <summary>
/// The owners one metrics request covers, the time zone whose calendar decides its default range, and the cohorts the
/// coach whose view it is files those owners under (empty for an owner's own view).
/// </summary>
internal sealed record MetricsReach(IReadOnlyList<string> OwnerIds, TimeZoneInfo TimeZone, IReadOnlyDictionary<string, string> Cohorts)
{
    public DateOnly Today(TimeProvider time) => OwnerCalendar.LocalDate(time.GetUtcNow(), TimeZone);
}
