namespace Outreach.Core.Messaging.Delivery;

/// <summary>
/// Sends one message. Implemented in Outreach.Mail (SMTP, pickup directory); defined here so the send logic in
/// Core stays pure and testable. Expected failures come back as a <see cref="SendResult"/>; exceptions mean a bug
/// or cancellation. Cancelling after the server may already have accepted the message leaves the outcome unknown,
/// which is why a stale claim is reviewed, never resent blindly.
/// </summary>
public interface IMailTransport
{
    /// <summary>Sends <paramref name="message"/> and reports what happened.</summary>
    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
