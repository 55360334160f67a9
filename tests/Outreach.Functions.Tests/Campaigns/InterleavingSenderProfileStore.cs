using Outreach.Core.Senders;

namespace Outreach.Functions.Tests.Campaigns;

/// <summary>
/// The real profile store with a seam for races: <see cref="BeforeNextWrite"/> runs once, just before the next write
/// reaches the store, so a test can land another edit between a request's read and its write.
/// </summary>
internal sealed class InterleavingSenderProfileStore(ISenderProfileStore inner) : ISenderProfileStore
{
    private Func<Task>? _beforeNextWrite;

    public Func<Task>? BeforeNextWrite
    {
        set => _beforeNextWrite = value;
    }

    public Task<SenderProfile?> GetAsync(string ownerId, CancellationToken cancellationToken) => inner.GetAsync(ownerId, cancellationToken);

    public async Task SaveAsync(SenderProfile profile, CancellationToken cancellationToken)
    {
        await InterleaveAsync();
        await inner.SaveAsync(profile, cancellationToken);
    }

    public async Task<SenderProfile?> TrySaveAsync(SenderProfile profile, CancellationToken cancellationToken)
    {
        await InterleaveAsync();
        return await inner.TrySaveAsync(profile, cancellationToken);
    }

    private Task InterleaveAsync() => Interlocked.Exchange(ref _beforeNextWrite, null)?.Invoke() ?? Task.CompletedTask;
}
