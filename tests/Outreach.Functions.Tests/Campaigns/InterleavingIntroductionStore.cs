using Outreach.Core.Introductions;

namespace Outreach.Functions.Tests.Campaigns;

/// <summary>
/// The real introduction store with a seam for races: <see cref="BeforeNextReplace"/> runs once, just before the next
/// version-checked write reaches the store, so a test can land another writer's move (B's answer, the timer) between a
/// request's read and its write.
/// </summary>
internal sealed class InterleavingIntroductionStore(IIntroductionStore inner) : IIntroductionStore
{
    private Func<Task>? _beforeNextReplace;

    public Func<Task>? BeforeNextReplace
    {
        set => _beforeNextReplace = value;
    }

    public Task<Introduction?> GetAsync(string ownerId, string introductionId, CancellationToken cancellationToken) =>
        inner.GetAsync(ownerId, introductionId, cancellationToken);

    public Task<Introduction?> TryAddAsync(Introduction introduction, CancellationToken cancellationToken) => inner.TryAddAsync(introduction, cancellationToken);

    public Task<IntroductionAddition> TryAddForPairAsync(Introduction introduction, CancellationToken cancellationToken) =>
        inner.TryAddForPairAsync(introduction, cancellationToken);

    public async Task<Introduction?> TryReplaceAsync(Introduction introduction, CancellationToken cancellationToken)
    {
        await (Interlocked.Exchange(ref _beforeNextReplace, null)?.Invoke() ?? Task.CompletedTask);
        return await inner.TryReplaceAsync(introduction, cancellationToken);
    }

    public Task<IReadOnlyList<Introduction>> ListAsync(string ownerId, CancellationToken cancellationToken) => inner.ListAsync(ownerId, cancellationToken);

    public Task<IReadOnlyList<Introduction>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.ListDueAsync(now, cancellationToken);
}
