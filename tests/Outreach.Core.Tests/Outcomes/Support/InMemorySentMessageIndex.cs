using Outreach.Core.Outcomes;
using Outreach.Core.Messaging.Delivery;

namespace Outreach.Core.Tests.Outcomes.Support;

/// <summary>A dictionary-backed sent-message index, keyed the way the real store keys it (normalised id).</summary>
internal sealed class InMemorySentMessageIndex : ISentMessageIndex
{
    private readonly Dictionary<string, SentMessageRef> _byId = new(StringComparer.Ordinal);

    public List<string> Lookups { get; } = [];

    public void Add(string messageId, SentMessageRef sent) => _byId[MessageIds.Normalize(messageId)!] = sent;

    public Task<SentMessageRef?> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Lookups.Add(messageId);
        return Task.FromResult(_byId.GetValueOrDefault(messageId));
    }
}
