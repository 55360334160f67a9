using Outreach.Core.Analytics.Dashboard;
using Outreach.Core.Analytics.Reports;

namespace Outreach.Core.Tests.Analytics;

public sealed class MetricsDashboardBuilderTests
{
    private readonly MetricsScenario _metrics = new();

    [Fact]
    public async Task Builds_weekly_follow_up_reply_rates_by_step_and_template_and_the_funnel_from_the_counters()
    {
        // Week 2026-W45 (2-8 Nov): two meetings, one followed up next day and replied; nothing in W46; W47 one meeting.
        var a = MetricsScenario.Meeting(new DateOnly(2026, 11, 3));
        var b = MetricsScenario.Meeting(new DateOnly(2026, 11, 4));
        var c = MetricsScenario.Meeting(new DateOnly(2026, 11, 17));
        await _metrics.MeetAsync("a", a);
        await _metrics.MeetAsync("b", b);
        await _metrics.MeetAsync("c", c);
        var toA = await _metrics.SendAsync("a", "a1", a, MetricsScenario.Utc(2026, 11, 4), MetricsScenario.Step("thank-you", "thanks-v1"));
        await _metrics.ReplyAsync(toA, TimeSpan.FromHours(4));
        await _metrics.SendAsync("b", "b1", b, MetricsScenario.Utc(2026, 11, 10), MetricsScenario.Step("follow-up", "nudge-v1"));
        var builder = new MetricsDashboardBuilder(_metrics.Reader);

        var dashboard = await builder.BuildAsync(["owner-1"], new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 22), CancellationToken.None);

        Assert.Equal(
            ["2026-W45 2026-11-02 met=1 2d=0 7d=1", "2026-W46 2026-11-09 met=0 2d= 7d=", "2026-W47 2026-11-16 met=1 2d=0 7d=0"],
            dashboard.FollowUpByWeek.Select(w => $"{w.Week} {w.WeekStart:yyyy-MM-dd} met={w.ContactsMet} 2d={w.Within2Days.Rate} 7d={w.Within7Days.Rate}"));
        Assert.Equal(["follow-up 0/1", "thank-you 1/1"], dashboard.ReplyRateByStep.Select(r => $"{r.Group} {r.ReplyRate.Successes}/{r.ReplyRate.Trials}"));
        Assert.Equal(["nudge-v1 0/1", "thanks-v1 1/1"], dashboard.ReplyRateByTemplate.Select(r => $"{r.Group} {r.ReplyRate.Successes}/{r.ReplyRate.Trials}"));
        Assert.Equal(new OutreachFunnel(Met: 2, FollowedUp: 1, Replied: 0), dashboard.Funnel);
        Assert.Equal(0.05, MetricsDashboard.Baseline);
    }

    [Fact]
    public async Task Invalid_range_is_rejected_naming_the_parameter()
    {
        var builder = new MetricsDashboardBuilder(_metrics.Reader);

        var error = await Assert.ThrowsAsync<DomainException>(
            () => builder.BuildAsync(["owner-1"], new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 4), CancellationToken.None));

        Assert.Equal("from", error.Target);
    }
}
