namespace Outreach.Core.Analytics.Events;

/// <summary>
/// Something that happened in the pipeline that the metrics count. Events are self-describing (they carry the
/// meeting and step they belong to) so turning one into counter increments needs no lookup, and re-delivering
/// one is harmless: every increment it produces carries a dedupe key (see <see cref="MetricsProjector"/>).
/// </summary>
/// <param name="OwnerId">The owner (student or coach's client) the contact belongs to.</param>
/// <param name="ContactId">The contact, stable within the owner.</param>
public abstract record MetricEvent(string OwnerId, string ContactId);
