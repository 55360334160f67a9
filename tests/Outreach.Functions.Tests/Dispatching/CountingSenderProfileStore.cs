using System.Collections.Concurrent;
using Outreach.Core.Senders;

namespace Outreach.Functions.Tests.Dispatching;

/// <summary>The real profile store, remembering whose profiles were read.</summary>
internal sealed class CountingSenderProfileStore(ISenderProfileStore inner) : ISenderProfileStore
{
    private readonly ConcurrentQueue<string> _reads = new();

    public IReadOnlyList<string> OwnersRead => [.. _reads];

    public Task<SenderProfile?> GetAsync(string ownerId, CancellationToken cancellationToken)
    {
        _reads.Enqueue(ownerId);
        return inner.GetAsync(ownerId, cancellationToken);
    }

    public Task SaveAsync(SenderProfile profile, CancellationToken cancellationToken) => inner.SaveAsync(profile, cancellationToken);

    public Task<SenderProfile?> TrySaveAsync(SenderProfile profile, CancellationToken cancellationToken) => inner.TrySaveAsync(profile, cancellationToken);
}
