using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;

namespace Outreach.Core.Planning;

/// <summary>
/// Turns "enroll these contacts into this campaign" into tasks. Pure and idempotent: task ids are derived from
/// (owner, campaign, contact, step), so planning the same enrolment twice yields the same tasks and an
/// insert-if-absent store keeps one of each. Caps and spacing are not applied here but at dispatch
/// (<see cref="DispatchPlanner"/>), so a busy day delays mail instead of silently dropping it.
/// </summary>
/// <param name="time">The clock; enrolment time is the anchor for contacts with no meeting, connection or import date.</param>
public sealed class CampaignPlanner(TimeProvider time)
{
    /// <summary>Plans every step of <paramref name="campaign"/> for each contact.</summary>
    /// <param name="campaign">A campaign available to every contact's owner; not an introduction flow.</param>
    /// <param name="contacts">The contacts to enroll (their owner sends).</param>
    /// <param name="schedule">The sending owner's zone, window and calendar.</param>
    /// <param name="suppression">Suppressed contacts get skipped tasks with reason <c>suppressed</c>.</param>
    /// <exception cref="DomainException">Invalid campaign, an introduction campaign, or a contact whose owner may not use it.</exception>
    public EnrolmentPlan Enroll(Campaign campaign, IEnumerable<Contact> contacts, SenderSchedule schedule, ISuppressionCheck suppression)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(suppression);
        CampaignValidator.EnsureValid(campaign);
        if (campaign.IsIntroductionFlow)
        {
            throw new DomainException(
                "campaign.introduction-flow",
                $"Campaign '{campaign.CampaignId}' holds introduction messages; start an introduction instead of enrolling contacts.",
                "campaignId");
        }

        schedule.EnsureValid();
        var now = time.GetUtcNow();
        var tasks = new List<OutreachTask>();
        var seen = new HashSet<(string Owner, string Contact)>();
        foreach (var contact in contacts)
        {
            if (!seen.Add((contact.OwnerId, contact.ContactId)))
            {
                continue; // the same contact listed twice is one enrolment
            }

            if (!campaign.IsAvailableTo(contact.OwnerId))
            {
                throw new DomainException(
                    "campaign.not-shared",
                    $"Campaign '{campaign.CampaignId}' is not shared with the owner of contact '{contact.ContactId}'.",
                    "campaignId");
            }

            // The day the sequence counts from is the meeting its notes follow up: fixed here, once, so an undated
            // contact's three notes are credited to one meeting rather than each to the day it went out.
            var meetingOn = MetOn(contact) ?? schedule.LocalDateOf(now);
            var due = StepScheduler.DueTimes(campaign, meetingOn, now, schedule);
            var suppressed = suppression.IsSuppressed(contact.OwnerId, contact.ContactId, contact.EmailKey);
            for (var i = 0; i < campaign.Steps.Count; i++)
            {
                tasks.Add(TaskFor(campaign, campaign.Steps[i], contact, due[i], suppressed) with
                {
                    MeetingOn = meetingOn,
                    MeetingEvent = contact.LastMet?.Name,
                });
            }
        }

        return new EnrolmentPlan(tasks);
    }

    /// <summary>
    /// The date the contact was last met, else the date they connected on LinkedIn, else the day they were imported
    /// (<see cref="Contact.AddedOn"/>, where an undated contact is counted as met), else null (enrolment day): the rule of
    /// <see cref="Analytics.Events.MeetingContext.DateOf"/>, so a sequence follows up the meeting the metrics counted.
    /// </summary>
    public static DateOnly? MetOn(Contact contact) => Analytics.Events.MeetingContext.DateOf(contact);

    private static OutreachTask TaskFor(Campaign campaign, CampaignStep campaignStep, Contact contact, DateTimeOffset due, bool suppressed)
    {
        var hasEmail = !string.IsNullOrWhiteSpace(contact.EmailKey);
        var channel = campaignStep.Channel switch
        {
            ChannelPreference.LinkedInOnly => TaskChannel.LinkedIn,
            ChannelPreference.EmailOnly => TaskChannel.Email,
            _ => hasEmail ? TaskChannel.Email : TaskChannel.LinkedIn,
        };
        var skipReason = suppressed ? SkipReasons.Suppressed
            : channel == TaskChannel.Email && !hasEmail ? SkipReasons.NoEmail
            : null;
        return new OutreachTask
        {
            TaskId = TaskIds.ForCampaignStep(contact.OwnerId, campaign.CampaignId, contact.ContactId, campaignStep.StepId),
            OwnerId = contact.OwnerId,
            ContactId = contact.ContactId,
            CampaignId = campaign.CampaignId,
            StepId = campaignStep.StepId,
            Template = campaignStep.Template,
            TemplateName = campaignStep.TemplateName,
            Channel = channel,
            EmailKey = channel == TaskChannel.Email ? contact.EmailKey : null,
            Condition = campaignStep.Condition,
            DueUtc = due,
            State = skipReason is null ? TaskState.Planned : TaskState.Skipped,
            SkipReason = skipReason,
        };
    }
}
