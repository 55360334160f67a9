namespace Outreach.Core.Planning;

/// <summary>
/// The message on the send queue: which task to send. The dispatcher enqueues exactly this (as JSON, camelCase) and the
/// sender reads it; everything else is loaded from the task, so a redelivered or stale message can never send stale content.
/// </summary>
/// <param name="OwnerId">The owner whose task it is.</param>
/// <param name="TaskId">The task to send.</param>
public sealed record SendRequest(string OwnerId, string TaskId)
{
    /// <summary>The queue the dispatcher writes and the <c>SendOutreach</c> function reads.</summary>
    public const string QueueName = "send-outreach";
}
