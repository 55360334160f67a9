namespace Outreach.Core.Outcomes;

/// <summary>Note that an inbound delivery could not be tied to a task, and why (the function app logs it; nothing about it is stored).</summary>
/// <param name="DedupeKey">The delivery's key.</param>
/// <param name="Kind">What it was classified as.</param>
/// <param name="Reason">Why it did not match.</param>
public sealed record RecordUnmatched(string DedupeKey, InboundKind Kind, UnmatchedReason Reason) : OutcomeAction;
