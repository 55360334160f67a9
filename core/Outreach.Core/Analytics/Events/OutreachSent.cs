namespace Outreach.Core.Analytics.Events;

/// <summary>An outreach task was sent (emailed, or marked done for a hand-sent LinkedIn message).</summary>
/// <param name="OwnerId">The owner.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="TaskId">The task; one send per task.</param>
/// <param name="Meeting">The meeting the outreach follows up on.</param>
/// <param name="Step">Campaign, step and template.</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="PredictedProbability">The response model's reply probability for the task, if it was scored.</param>
public sealed record OutreachSent(
    string OwnerId,
    string ContactId,
    string TaskId,
    MeetingContext Meeting,
    OutreachStep Step,
    DateTimeOffset SentAt,
    double? PredictedProbability = null)
    : MetricEvent(OwnerId, ContactId)
{
    /// <summary>
    /// The send of <paramref name="task"/> to <paramref name="contact"/> at <paramref name="sentAt"/>, credited to the
    /// meeting fixed when the task was planned (<see cref="MeetingContext.Of(Planning.OutreachTask, Contacts.Contact, DateOnly)"/>;
    /// a task stored before that falls back to the contact's meeting, else the sender-local send day), the task's step
    /// and its score: one rule for mail the sender sent and for a send the owner reports by hand.
    /// </summary>
    public static OutreachSent Of(Planning.OutreachTask task, Contacts.Contact contact, DateOnly localSendDay, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(contact);
        return new OutreachSent(task.OwnerId, task.ContactId, task.TaskId, MeetingContext.Of(task, contact, localSendDay), OutreachStep.Of(task), sentAt, task.Score);
    }
}
