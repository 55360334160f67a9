namespace Outreach.Core.Outcomes;

/// <summary>Cancel the contact's planned and queued steps (tasks already sent stay as they are).</summary>
/// <param name="OwnerId">The owner.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="Because">The outcome that stopped the sequence.</param>
public sealed record StopPendingSteps(string OwnerId, string ContactId, OutcomeType Because) : OutcomeAction;
