using Outreach.Core.Analytics.Reports;

namespace Outreach.Core.Analytics.Dashboard;

/// <summary>Builds the dashboard's series with four counter reads (week, step, template, owner).</summary>
/// <param name="reader">Reads metrics from the counters.</param>
public sealed class MetricsDashboardBuilder(MetricsReader reader)
{
    /// <summary>The dashboard for <paramref name="ownerIds"/> over owner-local days <paramref name="from"/> to <paramref name="to"/>, inclusive.</summary>
    /// <param name="ownerIds">One owner, or a coach's clients.</param>
    /// <param name="from">First day, inclusive.</param>
    /// <param name="to">Last day, inclusive.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="DomainException">The range or owners are invalid (see <see cref="MetricsQuery"/>).</exception>
    public async Task<MetricsDashboard> BuildAsync(
        IReadOnlyList<string> ownerIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var weeks = await reader.ReadAsync(new MetricsQuery(ownerIds, from, to, MetricsGroupBy.Week), cancellationToken);
        var steps = await reader.ReadAsync(new MetricsQuery(ownerIds, from, to, MetricsGroupBy.Step), cancellationToken);
        var templates = await reader.ReadAsync(new MetricsQuery(ownerIds, from, to, MetricsGroupBy.Template), cancellationToken);
        var owners = await reader.ReadAsync(new MetricsQuery(ownerIds, from, to, MetricsGroupBy.Owner), cancellationToken);

        var funnel = new OutreachFunnel(
            owners.Rows.Sum(r => r.ContactsMet),
            owners.Rows.Sum(r => r.FollowedUp),
            owners.Rows.Sum(r => r.ContactsReplied));
        return new MetricsDashboard(WeeklySeries(weeks, from, to), ReplyRates(steps), ReplyRates(templates), funnel);
    }

    private static WeeklyFollowUp[] WeeklySeries(MetricsReport weeks, DateOnly from, DateOnly to)
    {
        var byWeek = weeks.Rows.ToDictionary(r => r.GroupKey, StringComparer.Ordinal);
        var series = new List<WeeklyFollowUp>();
        for (var monday = IsoWeekKey.MondayOf(IsoWeekKey.Of(from)); monday <= to; monday = monday.AddDays(7))
        {
            var key = IsoWeekKey.Of(monday);
            series.Add(byWeek.TryGetValue(key, out var row)
                ? new WeeklyFollowUp(key, monday, row.ContactsMet, row.FollowUpWithin2Days, row.FollowUpWithin7Days)
                : new WeeklyFollowUp(key, monday, 0, RateVsBaseline.Of(0, 0), RateVsBaseline.Of(0, 0)));
        }

        return [.. series];
    }

    private static GroupReplyRate[] ReplyRates(MetricsReport report) =>
        [.. report.Rows.Where(r => r.Sent > 0).Select(r => new GroupReplyRate(r.GroupKey, r.ReplyRate))];
}
