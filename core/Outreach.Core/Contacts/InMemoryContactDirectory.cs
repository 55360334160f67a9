namespace Outreach.Core.Contacts;

/// <summary>
/// A complete contact store held in memory: a directory to de-duplicate against and a sink imports write to,
/// with the merge semantics <see cref="IContactSink"/> asks for. Used for previews (dry runs), tests and
/// benchmarks; thread-safe.
/// </summary>
public sealed class InMemoryContactDirectory : IContactDirectory, IContactSink, Sending.IContactReader
{
    private static readonly IReadOnlyDictionary<ContactKey, Contact> NothingFound = new Dictionary<ContactKey, Contact>();

    private readonly Dictionary<string, OwnerContacts> _owners = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>How many batches have been written (to check batching).</summary>
    public int BatchesWritten { get; private set; }

    /// <summary>The contacts of <paramref name="ownerId"/>, ordered by id.</summary>
    public IReadOnlyList<Contact> Contacts(string ownerId)
    {
        lock (_gate)
        {
            return _owners.TryGetValue(ownerId, out var owner)
                ? [.. owner.ById.Values.OrderBy(c => c.ContactId, StringComparer.Ordinal)]
                : [];
        }
    }

    /// <inheritdoc />
    public Task<Contact?> GetAsync(string ownerId, string contactId, CancellationToken cancellationToken) => Task.FromResult(Get(ownerId, contactId));

    /// <summary>The stored contact with this id, or null.</summary>
    public Contact? Get(string ownerId, string contactId)
    {
        lock (_gate)
        {
            return _owners.TryGetValue(ownerId, out var owner) ? owner.ById.GetValueOrDefault(contactId) : null;
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<ContactKey, Contact>> FindAsync(string ownerId, IReadOnlyCollection<ContactKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_owners.TryGetValue(ownerId, out var owner))
            {
                return ValueTask.FromResult(NothingFound);
            }

            var found = new Dictionary<ContactKey, Contact>();
            foreach (var key in keys)
            {
                // A key whose holder is gone (a snapshot read while it was being erased) matches nothing, as in a store.
                if (owner.IdByKey.TryGetValue(key, out var id) && owner.ById.TryGetValue(id, out var contact))
                {
                    found[key] = contact;
                }
            }

            return ValueTask.FromResult<IReadOnlyDictionary<ContactKey, Contact>>(found);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> HasContactsAsync(string ownerId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_owners.TryGetValue(ownerId, out var owner) && owner.ById.Count > 0);
        }
    }

    /// <inheritdoc />
    public ValueTask<ContactDirectorySnapshot?> TryReadAllAsync(string ownerId, int maxContacts, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxContacts, 1);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_owners.TryGetValue(ownerId, out var owner))
            {
                return ValueTask.FromResult<ContactDirectorySnapshot?>(new ContactDirectorySnapshot([], new Dictionary<ContactKey, string>()));
            }

            return ValueTask.FromResult(owner.ById.Count > maxContacts
                ? null
                : new ContactDirectorySnapshot([.. owner.ById.Values], new Dictionary<ContactKey, string>(owner.IdByKey)));
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Contact>?> TryListAsync(string ownerId, int maxContacts, CancellationToken cancellationToken) =>
        (await TryReadAllAsync(ownerId, maxContacts, cancellationToken).ConfigureAwait(false))?.Contacts;

    /// <summary>
    /// Replaces what is held for <paramref name="ownerId"/> with <paramref name="snapshot"/>, keys held as the snapshot
    /// says (not claimed anew): a copy of a store to de-duplicate against in memory.
    /// </summary>
    public void Load(string ownerId, ContactDirectorySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var owner = new OwnerContacts();
        foreach (var contact in snapshot.Contacts)
        {
            owner.ById[contact.ContactId] = contact;
        }

        foreach (var (key, id) in snapshot.KeyHolders)
        {
            owner.IdByKey[key] = id;
        }

        lock (_gate)
        {
            _owners[ownerId] = owner;
        }
    }

    /// <inheritdoc />
    /// <remarks>As a store does: a contact believed stored that is not held was erased meanwhile and is not written again, nor are keys claimed for it.</remarks>
    public ValueTask WriteAsync(
        string ownerId, IReadOnlyList<Contact> contacts, IReadOnlyList<bool> storedAlready, IReadOnlyList<ContactKeyClaim> claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(storedAlready);
        ArgumentNullException.ThrowIfNull(claims);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _owners.TryGetValue(ownerId, out var owner);
            Contact[] kept = [.. contacts.Where((contact, i) => !storedAlready[i] || (owner?.ById.ContainsKey(contact.ContactId) ?? false))];
            var written = Write(ownerId, kept, claimOwnKeys: false);
            var ids = kept.Select(c => c.ContactId).ToHashSet(StringComparer.Ordinal);
            foreach (var claim in claims)
            {
                if (ids.Contains(claim.ContactId))
                {
                    written.IdByKey.TryAdd(claim.Key, claim.ContactId);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(string ownerId, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Write(ownerId, contacts, claimOwnKeys: true);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Merges the contacts in and, if asked, claims their keys (under the gate).</summary>
    private OwnerContacts Write(string ownerId, IReadOnlyList<Contact> contacts, bool claimOwnKeys)
    {
        if (!_owners.TryGetValue(ownerId, out var owner))
        {
            _owners[ownerId] = owner = new OwnerContacts();
        }

        foreach (var incoming in contacts)
        {
            if (incoming.OwnerId != ownerId)
            {
                throw new ArgumentException($"Contact {incoming.ContactId} belongs to another owner than the batch.", nameof(contacts));
            }

            var stored = owner.ById.TryGetValue(incoming.ContactId, out var existing)
                ? ContactMerger.Merge(existing, incoming)
                : incoming;
            owner.ById[incoming.ContactId] = stored;
            if (claimOwnKeys)
            {
                foreach (var key in ContactKeys.Of(stored))
                {
                    // The first contact to claim a key keeps it, as a store's insert-if-absent index row would.
                    owner.IdByKey.TryAdd(key, stored.ContactId);
                }
            }
        }

        BatchesWritten++;
        return owner;
    }

    private sealed class OwnerContacts
    {
        public Dictionary<string, Contact> ById { get; } = new(StringComparer.Ordinal);

        public Dictionary<ContactKey, string> IdByKey { get; } = [];
    }
}
