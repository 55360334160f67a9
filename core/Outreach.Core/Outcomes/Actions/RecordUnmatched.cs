namespace Outreach.Core.Outcomes;

/// <summary>Keep the inbound delivery for an owner to review: it could not be tied to a task.</summary>
/// <param name="DedupeKey">The delivery's key.</param>
/// <param name="Kind">What it was classified as.</param>
/// <param name="Reason">Why it did not match.</param>
public sealed record RecordUnmatched(string DedupeKey, InboundKind Kind, UnmatchedReason Reason) : OutcomeAction;
