namespace Outreach.Core.Planning;

/// <summary>
/// Each owner's stored suppressions (table <c>Suppressions</c>, one partition per owner). Planning and dispatch load an
/// owner's partition into a <see cref="SuppressionList"/> once, then check it synchronously.
/// </summary>
public interface ISuppressionStore
{
    /// <summary>Adds or replaces a suppression (adding the same key twice keeps one, with the newer reason).</summary>
    Task AddAsync(SuppressionEntry entry, CancellationToken cancellationToken);

    /// <summary>Lifts a suppression; false when there was none under <paramref name="key"/>.</summary>
    /// <param name="ownerId">The owner.</param>
    /// <param name="key">A key from <see cref="SuppressionEntry.ContactKey"/> or <see cref="SuppressionEntry.EmailKey"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<bool> RemoveAsync(string ownerId, string key, CancellationToken cancellationToken);

    /// <summary>Every suppression of the owner, ordered by key.</summary>
    Task<IReadOnlyList<SuppressionEntry>> ListAsync(string ownerId, CancellationToken cancellationToken);
}
