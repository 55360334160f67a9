namespace Outreach.Core.Analytics.Events;

/// <summary>
/// A contact was erased at their or the owner's request. Counters are aggregates and stay; what the metrics
/// store still knows about the contact (the dedupe markers naming them) is deleted.
/// </summary>
/// <param name="OwnerId">The owner.</param>
/// <param name="ContactId">The erased contact.</param>
public sealed record ContactErased(string OwnerId, string ContactId) : MetricEvent(OwnerId, ContactId);
