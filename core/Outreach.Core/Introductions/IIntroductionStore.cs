namespace Outreach.Core.Introductions;

/// <summary>
/// Introductions, one partition per owner (table <c>Introductions</c>, see <c>Campaigns/README.md</c>). Writes are
/// version-checked: two events racing on one introduction (B's answer and the expiry timer) cannot both win.
/// </summary>
public interface IIntroductionStore : IIntroductionReader
{
    /// <summary>Stores a new introduction and returns it with its version; null when one with its id exists.</summary>
    Task<Introduction?> TryAddAsync(Introduction introduction, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new request together with an insert-only claim on its two people (either way round), in one atomic write,
    /// so that of two requests for the same pair made at the same moment exactly one is stored. A claim whose introduction
    /// is no longer open (<see cref="IntroductionDuplicates.IsOpen"/>) does not count: it is released and the request stored.
    /// </summary>
    /// <returns>The stored request; or the open introduction holding the pair; or neither when one with its id exists.</returns>
    Task<IntroductionAddition> TryAddForPairAsync(Introduction introduction, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the introduction if it is still at <see cref="Introduction.Version"/>; null when the race was lost. Once it
    /// is no longer open, the claim on its pair (<see cref="TryAddForPairAsync"/>) is released, so the introducer may ask again.
    /// </summary>
    /// <exception cref="ArgumentException">The introduction has no version (it was never read from the store).</exception>
    Task<Introduction?> TryReplaceAsync(Introduction introduction, CancellationToken cancellationToken);

    /// <summary>The owner's introductions, newest first.</summary>
    Task<IReadOnlyList<Introduction>> ListAsync(string ownerId, CancellationToken cancellationToken);

    /// <summary>
    /// Every introduction the timer looks at, at <paramref name="now"/>: awaiting consent (past the deadline it expires;
    /// before it, its consent ask is checked), introduced (its email is checked, and past the nudge time A is nudged), or
    /// stalled before B answered and past the deadline (it expires). A store may return more than is due; the timer decides.
    /// </summary>
    Task<IReadOnlyList<Introduction>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
