namespace Outreach.Core.Analytics.Events;

/// <summary>A contact was met (recorded when the import that names the meeting is accepted).</summary>
/// <param name="OwnerId">The owner.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="Meeting">The meeting; a contact met on two days counts as two meetings.</param>
public sealed record ContactMet(string OwnerId, string ContactId, MeetingContext Meeting)
    : MetricEvent(OwnerId, ContactId);
