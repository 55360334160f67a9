using Outreach.Core.Contacts;
using Outreach.Core.Planning;

namespace Outreach.Core.Analytics.Events;

/// <summary>
/// The meeting a contact came from: the unit that "contacts met" and the follow-up rates count. Every event about
/// the contact carries the same context, so a send can credit the follow-up to the day and groups of the meeting.
/// </summary>
/// <param name="MetOn">The date they met, in the owner's own calendar (the class-visit sheet and LinkedIn export
/// carry a date, not an instant).</param>
/// <param name="EventName">The event (class visit, career fair), or null.</param>
public sealed record MeetingContext(DateOnly MetOn, string? EventName = null)
{
    /// <summary>
    /// The meeting every metric event about <paramref name="contact"/> is credited to: <see cref="DateOf"/> (the latest
    /// event met, else the LinkedIn connection date, else the import day), else <paramref name="fallback"/> (the owner's
    /// local date of the event being recorded, for a contact stored before its import day was).
    /// </summary>
    public static MeetingContext Of(Contact contact, DateOnly fallback)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new MeetingContext(DateOf(contact) ?? fallback, contact.LastMet?.Name);
    }

    /// <summary>
    /// The meeting a send of <paramref name="task"/>, and the reply to it, is credited to: the one fixed when the task was
    /// planned (<see cref="OutreachTask.MeetingOn"/>), so every note of a sequence follows up the same meeting even when
    /// the contact has no meeting date. A task stored before that was recorded falls back to
    /// <see cref="Of(Contact, DateOnly)"/> with <paramref name="localSendDay"/>, the sender-local day it was sent.
    /// </summary>
    public static MeetingContext Of(OutreachTask task, Contact contact, DateOnly localSendDay)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.MeetingOn is { } metOn ? new MeetingContext(metOn, task.MeetingEvent) : Of(contact, localSendDay);
    }

    /// <summary>
    /// The date the contact's meeting is credited to and its follow-up clock starts from: the latest event met, else the
    /// LinkedIn connection date, else, for a contact imported without either, the day it was imported
    /// (<see cref="Contact.AddedOn"/>), whenever its sequence is enrolled; null only for a contact stored before that day
    /// was recorded.
    /// </summary>
    public static DateOnly? DateOf(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return contact.LastMet?.MetOn ?? contact.ConnectedOn ?? contact.AddedOn;
    }
}
