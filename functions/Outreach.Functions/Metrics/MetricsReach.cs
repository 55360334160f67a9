using Outreach.Core.Analytics.Counters;

namespace Outreach.Functions.Metrics;

/// <summary>The owners one metrics request covers, and the time zone whose calendar decides its default range.</summary>
internal sealed record MetricsReach(IReadOnlyList<string> OwnerIds, TimeZoneInfo TimeZone)
{
    public DateOnly Today(TimeProvider time) => OwnerCalendar.LocalDate(time.GetUtcNow(), TimeZone);
}
