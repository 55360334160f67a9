using Outreach.Core.Analytics.Reports;

namespace Outreach.Core.Analytics.Dashboard;

/// <summary>One point of the weekly follow-up series, drawn against the 5 % baseline.</summary>
/// <param name="Week">The ISO week key (<c>2026-W47</c>).</param>
/// <param name="WeekStart">Its Monday.</param>
/// <param name="ContactsMet">Contact meetings that week (within the range asked for).</param>
/// <param name="Within2Days">Share followed up within 2 calendar days (rate null when nobody was met).</param>
/// <param name="Within7Days">Share followed up within 7 calendar days.</param>
public sealed record WeeklyFollowUp(
    string Week,
    DateOnly WeekStart,
    long ContactsMet,
    RateVsBaseline Within2Days,
    RateVsBaseline Within7Days);
