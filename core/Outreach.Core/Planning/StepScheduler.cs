using Outreach.Core.Campaigns;

namespace Outreach.Core.Planning;

/// <summary>
/// Computes when each step of a campaign is due for one contact. Days are counted in the sender's local calendar and
/// each step aims at its local time of day, so a 09:00 step stays at 09:00 local across a daylight-saving switch.
/// A step landing on a day closed for sending (weekend, holiday) keeps its time of day on the next sending day; a due
/// time before <c>notBefore</c> (an old meeting date) moves up to it; a time outside the window's hours moves to the
/// next opening. A later step counts from the day its predecessor is due, and is never earlier than it.
/// </summary>
public static class StepScheduler
{
    /// <summary>The due instant of every step, in step order.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="metOn">The local date the contact was met, or null to count from <paramref name="notBefore"/>'s local date.</param>
    /// <param name="notBefore">The enrolment instant: nothing is planned in the past.</param>
    /// <param name="schedule">The sender's zone, window and calendar.</param>
    public static IReadOnlyList<DateTimeOffset> DueTimes(Campaign campaign, DateOnly? metOn, DateTimeOffset notBefore, SenderSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(schedule);
        var anchor = metOn ?? schedule.LocalDateOf(notBefore);
        var earliest = notBefore;
        var due = new DateTimeOffset[campaign.Steps.Count];
        for (var i = 0; i < campaign.Steps.Count; i++)
        {
            var campaignStep = campaign.Steps[i];
            var date = campaignStep.Delay.Unit == DelayUnit.BusinessDays
                ? schedule.Calendar.AddBusinessDays(anchor, campaignStep.Delay.Amount)
                : anchor.AddDays(campaignStep.Delay.Amount);
            date = schedule.SendingDayOnOrAfter(date);
            var aimed = ZonedTime.ToUtc(date, campaignStep.SendAt, schedule.TimeZone);
            due[i] = schedule.NextOpening(aimed < earliest ? earliest : aimed);
            earliest = due[i];
            anchor = schedule.LocalDateOf(due[i]);
        }

        return due;
    }
}
