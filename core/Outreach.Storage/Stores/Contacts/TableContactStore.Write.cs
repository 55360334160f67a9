using Outreach.Core.Contacts;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Contacts;

// The write path: contact rows in transactions of 100, then the keys they claim and the address index.
public sealed partial class TableContactStore
{
    /// <summary>How many stored contacts of a batch are found by a refused insert, each costing a retry, before the rest is read at once.</summary>
    private const int StoredContactsFoundOneByOne = 2;

    /// <inheritdoc />
    /// <remarks>
    /// The same result as writing the contacts one by one in order, in few round trips: a contact id sent twice is
    /// merged in order, the contact rows are written in transactions of 100 (<see cref="WriteRowsAsync"/>; one
    /// partition), then the keys are claimed (<see cref="ClaimKeysAsync"/>) and the address index written concurrently.
    /// </remarks>
    public ValueTask WriteAsync(string ownerId, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        return WriteBatchAsync(ownerId, contacts, new bool[contacts.Count], claims: null, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// As the other overload, except that the contacts believed stored are read first (concurrently) and written as
    /// merged replacements in the batch's one transaction, instead of each being found by a refused insert. One of
    /// them that is gone was erased meanwhile and is not written again, nor are keys claimed for it. The keys claimed
    /// are the import's <paramref name="claims"/>, not the contacts' own.
    /// </remarks>
    public ValueTask WriteAsync(
        string ownerId, IReadOnlyList<Contact> contacts, IReadOnlyList<bool> storedAlready, IReadOnlyList<ContactKeyClaim> claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return WriteBatchAsync(ownerId, contacts, storedAlready, claims, cancellationToken);
    }

    /// <summary>Writes the batch, then claims the <paramref name="claims"/>, or (null) every key of each contact as written.</summary>
    private async ValueTask WriteBatchAsync(
        string ownerId, IReadOnlyList<Contact> contacts, IReadOnlyList<bool> storedAlready, IReadOnlyList<ContactKeyClaim>? claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(storedAlready);
        if (storedAlready.Count != contacts.Count)
        {
            throw new ArgumentException("storedAlready must say, for each contact, whether it is believed stored.", nameof(storedAlready));
        }

        var versionsById = new Dictionary<string, int>(StringComparer.Ordinal);
        var versions = new List<List<Contact>>();
        var believed = new List<bool>();
        for (var i = 0; i < contacts.Count; i++)
        {
            var incoming = contacts[i];
            if (incoming.OwnerId != ownerId)
            {
                throw new ArgumentException($"Contact {incoming.ContactId} belongs to another owner than the batch.", nameof(contacts));
            }

            if (!versionsById.TryGetValue(incoming.ContactId, out var at))
            {
                versionsById[incoming.ContactId] = at = versions.Count;
                versions.Add([]);
                believed.Add(false);
            }

            versions[at].Add(incoming);
            believed[at] |= storedAlready[i];
        }

        var existing = new List<Contact?>(versions.Count);
        var stored = new List<Contact>(versions.Count);
        for (var start = 0; start < versions.Count; start += TableClient.MaxTransactionActions)
        {
            var count = Math.Min(TableClient.MaxTransactionActions, versions.Count - start);
            var (kept, known) = await ReadBelievedAsync(ownerId, [.. versions.GetRange(start, count)], [.. believed.GetRange(start, count)], cancellationToken)
                .ConfigureAwait(false);
            var (before, after) = await WriteRowsAsync(ownerId, kept, known, cancellationToken).ConfigureAwait(false);
            existing.AddRange(before);
            stored.AddRange(after);
        }

        var claimedAddresses = await ClaimKeysAsync(ownerId, stored, existing, claims, cancellationToken).ConfigureAwait(false);
        (string EmailKey, string ContactId)[] addresses =
        [
            .. stored.Where(c => c.EmailKey is { Length: > 0 }).Select(c => (c.EmailKey!, c.ContactId)),
            .. claimedAddresses,
        ];
        await BoundedRequests.ForEachAsync(addresses, (address, token) => emailIndex.AddAsync(address.EmailKey, ownerId, address.ContactId, token), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the contacts of a chunk that are believed stored (concurrently). One that is gone was erased while the import
    /// ran: it is left out of the chunk and not written again, since an erasure wins over an import running at the same time.
    /// </summary>
    /// <returns>The versions to write and, for each, its stored row when it was read (null otherwise).</returns>
    private async Task<(List<Contact>[] Versions, Contact?[] Known)> ReadBelievedAsync(
        string ownerId, List<Contact>[] versions, bool[] believedStored, CancellationToken cancellationToken)
    {
        var known = new Contact?[versions.Length];
        var believed = Enumerable.Range(0, versions.Length).Where(i => believedStored[i]).ToArray();
        if (believed.Length == 0)
        {
            return (versions, known);
        }

        var found = await GetManyAsync(ownerId, [.. believed.Select(i => versions[i][0].ContactId)], cancellationToken).ConfigureAwait(false);
        var gone = new HashSet<int>();
        for (var j = 0; j < believed.Length; j++)
        {
            if (found[j] is { } row)
            {
                known[believed[j]] = row;
            }
            else
            {
                gone.Add(believed[j]);
            }
        }

        if (gone.Count == 0)
        {
            return (versions, known);
        }

        var kept = Enumerable.Range(0, versions.Length).Where(i => !gone.Contains(i)).ToArray();
        return ([.. kept.Select(i => versions[i])], [.. kept.Select(i => known[i])]);
    }

    /// <summary>
    /// Writes up to 100 contacts (each the versions of one id, in batch order) in one transaction: those whose stored row
    /// is known go in as merged replacements, the others as inserts, so a batch of new contacts (a first import) needs no
    /// reads. A refused transaction names a contact it found stored already (and changed nothing), so that one is read,
    /// merged and the transaction retried with it as an upsert; after <see cref="StoredContactsFoundOneByOne"/> such
    /// surprises the rest of the batch is read at once instead.
    /// </summary>
    /// <returns>Each contact's row before (null when new) and as written.</returns>
    private async Task<(Contact?[] Existing, Contact[] Stored)> WriteTransactionAsync(string ownerId, List<Contact>[] versions, Contact?[] known, CancellationToken cancellationToken)
    {
        if (versions.Length == 0)
        {
            return ([], []);
        }

        var existing = (Contact?[])known.Clone();
        var read = Array.ConvertAll(known, row => row is not null);
        for (var attempt = 0; attempt <= StoredContactsFoundOneByOne; attempt++)
        {
            var stored = Fold(existing, versions);
            try
            {
                await SubmitRowsAsync(stored, read, cancellationToken).ConfigureAwait(false);
                return (existing, stored);
            }
            catch (StorageConcurrencyException e) when (e.Status == 409 && e.FailedActionIndex is { } index && index < read.Length && !read[index])
            {
                existing[index] = await GetAsync(ownerId, versions[index][0].ContactId, cancellationToken).ConfigureAwait(false);
                read[index] = true;
            }
        }

        // Many are stored already (a re-import with changes): read the others concurrently and upsert them all.
        var unread = Enumerable.Range(0, versions.Length).Where(i => !read[i]).ToArray();
        var rows = await GetManyAsync(ownerId, [.. unread.Select(i => versions[i][0].ContactId)], cancellationToken).ConfigureAwait(false);
        for (var j = 0; j < unread.Length; j++)
        {
            existing[unread[j]] = rows[j];
        }

        Array.Fill(read, true);
        var merged = Fold(existing, versions);
        await SubmitRowsAsync(merged, read, cancellationToken).ConfigureAwait(false);
        return (existing, merged);
    }

    /// <summary>
    /// Writes the contacts in one transaction (<see cref="WriteTransactionAsync"/>), or, when that is too large for the
    /// service, as two halves, each halved again while it is: long notes in a script JSON escapes (six bytes a Cyrillic
    /// or CJK character) take a batch of a hundred past the service's 4 MiB. The transaction refused for its size sent
    /// nothing, so the halves start from what was known before it.
    /// </summary>
    /// <returns>Each contact's row before (null when new) and as written.</returns>
    private async Task<(Contact?[] Existing, Contact[] Stored)> WriteRowsAsync(string ownerId, List<Contact>[] versions, Contact?[] known, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteTransactionAsync(ownerId, versions, known, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionTooLargeException) when (versions.Length > 1)
        {
            var half = versions.Length / 2;
            var (firstExisting, firstStored) = await WriteRowsAsync(ownerId, versions[..half], known[..half], cancellationToken).ConfigureAwait(false);
            var (secondExisting, secondStored) = await WriteRowsAsync(ownerId, versions[half..], known[half..], cancellationToken).ConfigureAwait(false);
            return ([.. firstExisting, .. secondExisting], [.. firstStored, .. secondStored]);
        }
    }

    /// <summary>One transaction: an upsert for each contact whose stored row was read (and merged), an insert for the others.</summary>
    private async Task SubmitRowsAsync(Contact[] stored, bool[] read, CancellationToken cancellationToken) =>
        await contactTable.SubmitTransactionAsync(
            [.. stored.Select((contact, i) => new TableTransactionAction(read[i] ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.Add, ContactEntity.From(contact)))],
            cancellationToken).ConfigureAwait(false);

    /// <summary>Each stored row (or nothing) merged with the versions of its id in batch order, as writing them one after the other would.</summary>
    private static Contact[] Fold(Contact?[] existing, List<Contact>[] versions)
    {
        var stored = new Contact[versions.Length];
        for (var i = 0; i < versions.Length; i++)
        {
            var merged = existing[i];
            foreach (var incoming in versions[i])
            {
                merged = merged is null ? incoming : ContactMerger.Merge(merged, incoming);
            }

            stored[i] = merged!;
        }

        return stored;
    }

    /// <summary>
    /// Claims the <paramref name="claims"/> made for the contacts written, or (null) every key of each as written, the
    /// first claimer keeping a key (in order within the batch). Keys a contact did not have before are new in the table
    /// nearly always, so they are inserted in transactions of 100; a transaction that meets a key already claimed (by
    /// another contact) is rolled back whole, and its keys are then claimed one by one. Keys the stored row already had
    /// were claimed when it was written, so they go one by one (concurrently) straight away: insert-if-absent still
    /// takes one back that an erasure freed.
    /// </summary>
    /// <returns>
    /// The addresses claimed now for a contact beside its own (a second address an import claimed), for the address index:
    /// a reply from one of them then finds the contact, as one from its own address does.
    /// </returns>
    private async Task<List<(string EmailKey, string ContactId)>> ClaimKeysAsync(
        string ownerId, List<Contact> stored, List<Contact?> existing, IReadOnlyList<ContactKeyClaim>? claims, CancellationToken cancellationToken)
    {
        var written = stored.Select(c => c.ContactId).ToHashSet(StringComparer.Ordinal);
        var wanted = claims?.Where(claim => written.Contains(claim.ContactId))
            ?? stored.SelectMany(contact => ContactKeys.Of(contact).Select(key => new ContactKeyClaim(contact.ContactId, key)));

        // Held before: keys each contact's stored row had (an import claims only keys no contact held).
        var heldBefore = claims is not null ? [] : stored.Zip(existing)
            .Where(pair => pair.Second is not null)
            .SelectMany(pair => ContactKeys.Of(pair.Second!).Select(key => new ContactKeyClaim(pair.First.ContactId, key)))
            .ToHashSet();
        var partition = TableKeyCodec.Encode(ownerId);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fresh = new List<TableEntity>();
        var held = new List<TableEntity>();
        foreach (var claim in wanted)
        {
            var row = ContactKeyRows.Entity(partition, claim.Key, claim.ContactId);
            if (seen.Add(row.RowKey))
            {
                (heldBefore.Contains(claim) ? held : fresh).Add(row);
            }
        }

        var transactions = fresh.Chunk(TableClient.MaxTransactionActions).ToArray();
        var inserted = await BoundedRequests.SelectAsync(transactions, TryInsertAllAsync, cancellationToken).ConfigureAwait(false);
        var oneByOne = held.Concat(transactions.Where((_, i) => !inserted[i]).SelectMany(rows => rows)).ToArray();
        var claimedOneByOne = await BoundedRequests.SelectAsync(oneByOne, ClaimKeyAsync, cancellationToken).ConfigureAwait(false);
        var won = transactions.Where((_, i) => inserted[i]).SelectMany(rows => rows).Concat(oneByOne.Where((_, i) => claimedOneByOne[i]));
        return SecondAddresses(won, stored);
    }

    /// <summary>The addresses among the key rows a batch won that are not their contact's own: second addresses an import claimed.</summary>
    private static List<(string EmailKey, string ContactId)> SecondAddresses(IEnumerable<TableEntity> won, List<Contact> stored)
    {
        var ownAddress = stored.ToDictionary(c => c.ContactId, c => c.EmailKey, StringComparer.Ordinal);
        var addresses = new List<(string EmailKey, string ContactId)>();
        foreach (var row in won)
        {
            var contactId = row.GetString(ContactIdProperty)!;
            if (ContactKeyRows.TryRead(row, out var key) && key.Kind == ContactKeyKind.Email
                && !string.Equals(key.Value, ownAddress.GetValueOrDefault(contactId), StringComparison.Ordinal))
            {
                addresses.Add((key.Value, contactId));
            }
        }

        return addresses;
    }

    /// <summary>Inserts the key rows in one transaction: false when one is claimed already (then none was inserted).</summary>
    private async Task<bool> TryInsertAllAsync(TableEntity[] keyRows, CancellationToken cancellationToken)
    {
        try
        {
            await keyTable.SubmitTransactionAsync([.. keyRows.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row))], cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (StorageConcurrencyException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Claims one key: false when a contact holds it already (the first contact to claim a key keeps it).</summary>
    private async Task<bool> ClaimKeyAsync(TableEntity keyRow, CancellationToken cancellationToken)
    {
        try
        {
            await keyTable.InsertAsync(keyRow, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageConcurrencyException e) when (e.Status == 409)
        {
            return false;
        }
    }
}
