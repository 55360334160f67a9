using System.Collections.Concurrent;
using Outreach.Core.Outcomes;
using Outreach.Core.Messaging.Delivery;

namespace Outreach.Core.Sending;

/// <summary>The sent-message index in memory (tests, dry runs).</summary>
public sealed class InMemorySentMessageLog : ISentMessageLog
{
    private readonly ConcurrentDictionary<string, SentMessageRef> _byId = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task RecordAsync(string messageId, SentMessageRef sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        _byId[MessageIds.Normalize(messageId) ?? throw new ArgumentException("A Message-ID is required.", nameof(messageId))] = sent;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SentMessageRef?> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken) =>
        Task.FromResult(MessageIds.Normalize(messageId) is { } id && _byId.TryGetValue(id, out var sent) ? sent : null);
}
