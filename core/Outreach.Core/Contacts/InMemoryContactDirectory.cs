namespace Outreach.Core.Contacts;

/// <summary>
/// A complete contact store held in memory: a directory to de-duplicate against and a sink imports write to,
/// with the merge semantics <see cref="IContactSink"/> asks for. Used for previews (dry runs), tests and
/// benchmarks; thread-safe.
/// </summary>
public sealed class InMemoryContactDirectory : IContactDirectory, IContactSink
{
    private readonly Dictionary<(string Owner, string Id), Contact> _contacts = [];
    private readonly Dictionary<(string Owner, ContactKey Key), string> _keys = [];
    private readonly Lock _gate = new();

    /// <summary>How many batches have been written (to check batching).</summary>
    public int BatchesWritten { get; private set; }

    /// <summary>The number of contacts stored for <paramref name="ownerId"/>.</summary>
    public int Count(string ownerId)
    {
        lock (_gate)
        {
            return _contacts.Keys.Count(k => k.Owner == ownerId);
        }
    }

    /// <summary>The contacts of <paramref name="ownerId"/>, ordered by id.</summary>
    public IReadOnlyList<Contact> Contacts(string ownerId)
    {
        lock (_gate)
        {
            return [.. _contacts.Where(p => p.Key.Owner == ownerId).Select(p => p.Value).OrderBy(c => c.ContactId, StringComparer.Ordinal)];
        }
    }

    /// <summary>The stored contact with this id, or null.</summary>
    public Contact? Get(string ownerId, string contactId)
    {
        lock (_gate)
        {
            return _contacts.GetValueOrDefault((ownerId, contactId));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<ContactKey, Contact>> FindAsync(string ownerId, IReadOnlyCollection<ContactKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var found = new Dictionary<ContactKey, Contact>();
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_keys.TryGetValue((ownerId, key), out var id))
                {
                    found[key] = _contacts[(ownerId, id)];
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyDictionary<ContactKey, Contact>>(found);
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(string ownerId, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var incoming in contacts)
            {
                if (incoming.OwnerId != ownerId)
                {
                    throw new ArgumentException($"Contact {incoming.ContactId} belongs to another owner than the batch.", nameof(contacts));
                }

                var stored = _contacts.TryGetValue((ownerId, incoming.ContactId), out var existing)
                    ? ContactMerger.Merge(existing, incoming)
                    : incoming;
                _contacts[(ownerId, incoming.ContactId)] = stored;
                foreach (var key in ContactKeys.Of(stored))
                {
                    // The first contact to claim a key keeps it, as a store's insert-if-absent index row would.
                    _keys.TryAdd((ownerId, key), stored.ContactId);
                }
            }

            BatchesWritten++;
        }

        return ValueTask.CompletedTask;
    }
}
