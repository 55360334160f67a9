using Outreach.Core.Analytics.Counters;

namespace Outreach.Functions.Metrics;

/// <summary>
/// The owners one metrics request covers, the cohorts the coach whose view it is files those owners under (empty for an
/// owner's own view), and where to find the time zones their counters place days in (one owner's; a coach view's, each
/// client's and the coach's own). Finding the zones costs a sender profile read per owner, so they are read only when
/// <see cref="TodayAsync"/> is first asked, which only a request without <c>to</c> does, and then once.
/// </summary>
internal sealed class MetricsReach(
    IReadOnlyList<string> ownerIds,
    Func<CancellationToken, Task<IReadOnlyList<TimeZoneInfo>>> readZones,
    IReadOnlyDictionary<string, string> cohorts)
{
    private Task<IReadOnlyList<TimeZoneInfo>>? _zones;

    /// <summary>The owners whose counters are read.</summary>
    public IReadOnlyList<string> OwnerIds { get; } = ownerIds;

    /// <summary>The cohort each owner is filed under in the coach's view.</summary>
    public IReadOnlyDictionary<string, string> Cohorts { get; } = cohorts;

    /// <summary>
    /// The last day the default range covers: the latest today among the zones, so no owner's today (with whatever they
    /// sent or were answered on it) is left out because someone else's calendar has not reached it yet.
    /// </summary>
    public async Task<DateOnly> TodayAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var zones = await (_zones ??= readZones(cancellationToken)).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return zones.Select(zone => OwnerCalendar.LocalDate(now, zone)).Max();
    }
}
