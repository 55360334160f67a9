namespace Outreach.Core.Contacts;

/// <summary>
/// Receives the contacts an import created or changed, in batches (at most the import's batch size, one owner
/// per batch, so storage can write one partition per transaction).
/// </summary>
/// <remarks>
/// Each contact must be MERGED into the stored contact with the same id, if any, with
/// <see cref="ContactMerger.Merge(Contact, Contact)"/>, and its keys (<see cref="ContactKeys.Of(Contact)"/>) claimed; an
/// import instead says which keys to claim (<see cref="ContactKeyClaim"/>).
/// For a new contact that is an insert; for a contact the import read from the directory it is a replace; for
/// a later duplicate of a contact this import created in an earlier batch, the import sends only what the new
/// row adds (it does not keep every contact in memory), which the merge folds in. A claimed key is held, found and
/// erased like a contact's own. The lists a sink is given are the caller's, valid until the write completes: a sink
/// copies what it keeps.
/// </remarks>
public interface IContactSink
{
    /// <summary>Stores a batch of created or changed contacts (merge semantics, see the remarks).</summary>
    /// <param name="ownerId">The owner of every contact in the batch.</param>
    /// <param name="contacts">The contacts, each id at most once.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask WriteAsync(string ownerId, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a batch as <see cref="WriteAsync(string, IReadOnlyList{Contact}, CancellationToken)"/> does, told which
    /// contacts the caller believes are stored already (one it read from the directory, or created in an earlier
    /// batch): a store can read those first instead of finding each by a refused insert. A contact believed stored that
    /// is not there was erased while the import ran, and is not written again: an erasure wins over an import running at
    /// the same time. A stored contact not believed to be is merged as usual. Then the <paramref name="claims"/> are
    /// made, in order, for the contacts of the batch that were written, the first contact to claim a key keeping it.
    /// These are the keys claimed: the import decides which contact each key finds (as its index did), so none is derived
    /// from the contacts' fields.
    /// </summary>
    /// <param name="ownerId">The owner of every contact in the batch.</param>
    /// <param name="contacts">The contacts, each id at most once.</param>
    /// <param name="storedAlready">For each contact, whether it is believed stored already.</param>
    /// <param name="claims">The keys to claim, for contacts of the batch (<see cref="ContactKeyClaim"/>).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask WriteAsync(
        string ownerId, IReadOnlyList<Contact> contacts, IReadOnlyList<bool> storedAlready, IReadOnlyList<ContactKeyClaim> claims, CancellationToken cancellationToken);
}
