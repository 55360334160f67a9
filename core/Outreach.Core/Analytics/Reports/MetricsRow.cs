namespace Outreach.Core.Analytics.Reports;

/// <summary>
/// One group's figures. Meeting figures (met, follow-up rates, funnel) count contact meetings on days in range;
/// send figures (sent, replies, reply rate, model) count outreach sent on days in range. Groupings by campaign,
/// step and template carry send figures only, since a meeting belongs to no campaign.
/// </summary>
/// <param name="GroupKey">The owner id, cohort, event, campaign, step, template or ISO week (<c>2026-W47</c>).</param>
/// <param name="ContactsMet">Contact meetings.</param>
/// <param name="FollowUpWithin2Days">Meetings followed up within 2 calendar days, as a rate of the meetings whose 2 days are over
/// (<see cref="MetricsQuery.AsOf"/>; its trials say how many).</param>
/// <param name="FollowUpWithin7Days">Meetings followed up within 7 calendar days, as a rate of the meetings whose 7 days are over.</param>
/// <param name="FollowedUp">Meetings followed up at all (funnel).</param>
/// <param name="ContactsReplied">Meetings whose contact replied (funnel).</param>
/// <param name="Sent">Outreach sent.</param>
/// <param name="Replies">Of those, how many got a reply.</param>
/// <param name="ReplyRate">Replies as a rate of sends, with interval and lift over 5 %.</param>
/// <param name="ModelLift">The response model's lift over 5 %, or null when no send was scored.</param>
/// <param name="Calibration">The response model's calibration, or null when no send was scored.</param>
public sealed record MetricsRow(
    string GroupKey,
    long ContactsMet,
    RateVsBaseline FollowUpWithin2Days,
    RateVsBaseline FollowUpWithin7Days,
    long FollowedUp,
    long ContactsReplied,
    long Sent,
    long Replies,
    RateVsBaseline ReplyRate,
    ModelLift? ModelLift,
    Calibration? Calibration);
