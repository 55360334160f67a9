namespace Outreach.Core.Outcomes;

/// <summary>A contact with steps still planned or in flight.</summary>
/// <param name="OwnerId">The owner.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="LastSentTaskId">The most recently sent task to that contact, if any has gone out.</param>
public sealed record OpenSequence(string OwnerId, string ContactId, string? LastSentTaskId);
