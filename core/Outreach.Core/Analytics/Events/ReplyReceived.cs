namespace Outreach.Core.Analytics.Events;

/// <summary>
/// A reply to a sent task was matched. It is credited to the day the task was sent (<paramref name="SentAt"/>),
/// not the day it arrived, so a reply rate is always "of the sends in this range, how many got a reply" and
/// never exceeds 1, however the range is cut.
/// </summary>
/// <param name="OwnerId">The owner.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="TaskId">The task replied to; several replies to one task count once.</param>
/// <param name="Meeting">The meeting the task followed up on (same as on its send).</param>
/// <param name="Step">Campaign, step and template of the task (same as on its send).</param>
/// <param name="SentAt">When the task was sent.</param>
/// <param name="RepliedAt">When the reply arrived; not before <paramref name="SentAt"/>.</param>
/// <param name="PredictedProbability">The task's score at send time, if it was scored (same as on its send).</param>
public sealed record ReplyReceived(
    string OwnerId,
    string ContactId,
    string TaskId,
    MeetingContext Meeting,
    OutreachStep Step,
    DateTimeOffset SentAt,
    DateTimeOffset RepliedAt,
    double? PredictedProbability = null)
    : MetricEvent(OwnerId, ContactId)
{
    /// <summary>
    /// The reply at <paramref name="repliedAt"/> to <paramref name="task"/>, sent at <paramref name="sentAt"/>: credited to
    /// the meeting, step and score its send was (<see cref="OutreachSent.Of"/>), never to the contact's latest meeting or
    /// the day the reply arrived, so it counts for the meeting the sequence followed up.
    /// </summary>
    /// <param name="task">The task replied to.</param>
    /// <param name="contact">Its contact.</param>
    /// <param name="localSendDay">The sender-local day the task was sent (the fallback meeting of a task stored without one).</param>
    /// <param name="sentAt">When the task was sent.</param>
    /// <param name="repliedAt">When the reply arrived.</param>
    public static ReplyReceived Of(Planning.OutreachTask task, Contacts.Contact contact, DateOnly localSendDay, DateTimeOffset sentAt, DateTimeOffset repliedAt)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(contact);
        return new ReplyReceived(
            task.OwnerId, task.ContactId, task.TaskId, MeetingContext.Of(task, contact, localSendDay), OutreachStep.Of(task), sentAt, repliedAt, task.Score);
    }
}
