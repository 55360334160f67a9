namespace Outreach.Core.Outcomes;

/// <summary>What a verified reply-address token points at.</summary>
/// <param name="OwnerId">The owner.</param>
/// <param name="ContactId">The contact the message was sent to.</param>
/// <param name="TaskId">The task that sent it, when the token carries one.</param>
public sealed record ReplyTokenTarget(string OwnerId, string ContactId, string? TaskId);
