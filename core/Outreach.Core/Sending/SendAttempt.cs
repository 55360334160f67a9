namespace Outreach.Core.Sending;

/// <summary>The result of one delivery of a send request.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Retry">True when the queue message must be delivered again (the function reports failure).</param>
/// <param name="MessageId">The Message-ID used, when a message was built.</param>
/// <param name="Reason">A short reason without addresses, for logs and the failed function result.</param>
public sealed record SendAttempt(SendAttemptKind Kind, bool Retry = false, string? MessageId = null, string? Reason = null)
{
    /// <summary>Done with this queue message, with nothing (more) to send.</summary>
    public static SendAttempt Acknowledge(SendAttemptKind kind, string? messageId = null, string? reason = null) => new(kind, false, messageId, reason);

    /// <summary>Deliver the queue message again later.</summary>
    public static SendAttempt Again(SendAttemptKind kind, string reason, string? messageId = null) => new(kind, true, messageId, reason);
}
