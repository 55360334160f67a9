namespace Outreach.Core.Contacts;

/// <summary>
/// The owner's contacts as stored, looked up by identity key so an import can de-duplicate against them.
/// Lookups are batched (an import asks once per batch of rows) so a store can answer with parallel point reads.
/// </summary>
public interface IContactDirectory
{
    /// <summary>Finds the stored contacts of <paramref name="ownerId"/> that have any of <paramref name="keys"/>.</summary>
    /// <param name="ownerId">The owner whose contacts are searched.</param>
    /// <param name="keys">Normalised keys (see <see cref="ContactKeys"/>); duplicates allowed.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>For every key that matched, the contact it belongs to (keys without a match are absent).</returns>
    ValueTask<IReadOnlyDictionary<ContactKey, Contact>> FindAsync(string ownerId, IReadOnlyCollection<ContactKey> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="ownerId"/> has any stored contact. An import asks once before its first batch: into an
    /// owner with none (a first import, and the largest files are first imports), no row can match a stored contact,
    /// so it skips every per-key lookup and de-duplicates in memory alone.
    /// </summary>
    /// <param name="ownerId">The owner.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    ValueTask<bool> HasContactsAsync(string ownerId, CancellationToken cancellationToken);

    /// <summary>
    /// Every stored contact of <paramref name="ownerId"/> and which contact holds each key, read in as few requests as
    /// the store can (a partition scan), when the owner has at most <paramref name="maxContacts"/> contacts; null when
    /// it has more, in which case the store stops reading as soon as it knows.
    /// </summary>
    /// <param name="ownerId">The owner.</param>
    /// <param name="maxContacts">The most contacts worth reading (at least 1).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<ContactDirectorySnapshot?> TryReadAllAsync(string ownerId, int maxContacts, CancellationToken cancellationToken);
}
