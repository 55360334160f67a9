namespace Outreach.Core.Analytics.Dashboard;

/// <summary>What the dashboard draws, all from the same counters as <c>GET /api/metrics</c>.</summary>
/// <param name="FollowUpByWeek">Every ISO week touching the range, in order, including weeks with no meetings.</param>
/// <param name="ReplyRateByStep">Reply rate per campaign step, ordered by step.</param>
/// <param name="ReplyRateByTemplate">Reply rate per template, ordered by template.</param>
/// <param name="Funnel">Met → followed up → replied.</param>
public sealed record MetricsDashboard(
    IReadOnlyList<WeeklyFollowUp> FollowUpByWeek,
    IReadOnlyList<GroupReplyRate> ReplyRateByStep,
    IReadOnlyList<GroupReplyRate> ReplyRateByTemplate,
    OutreachFunnel Funnel)
{
    /// <summary>The baseline line drawn on every chart (5 %).</summary>
    public static double Baseline => Analytics.Baseline.Rate;
}
