using Outreach.Core.Outcomes;

namespace Outreach.Core.Tests.Outcomes.Support;

/// <summary>A set of processed dedupe keys.</summary>
internal sealed class InMemoryInboundLedger : IInboundLedger
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public int Count => _keys.Count;

    public Task<bool> TryRecordAsync(string dedupeKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_keys.Add(dedupeKey));
    }

    public Task CompleteAsync(string dedupeKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }
}
