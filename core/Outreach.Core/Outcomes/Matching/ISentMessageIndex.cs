using Outreach.Core.Messaging.Delivery;

namespace Outreach.Core.Outcomes;

/// <summary>Finds the task that sent a message by its Message-ID (stored in <see cref="MessageIds.Normalize"/>d form).</summary>
public interface ISentMessageIndex
{
    /// <summary>The sent message with this normalised Message-ID, or null.</summary>
    /// <param name="messageId">A normalised id (no angle brackets, lower-case domain).</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    Task<SentMessageRef?> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken);
}
