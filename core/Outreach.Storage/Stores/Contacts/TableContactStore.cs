using Outreach.Core.Contacts;
using Outreach.Core.Sending;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Contacts;

/// <summary>
/// Contacts on two tables, both partitioned by owner: <c>Contacts</c> (RowKey the contact id) and <c>ContactKeys</c>
/// (RowKey the key-encoded <see cref="ContactKey"/>, pointing at the contact id). Writes merge like the import core
/// expects (<see cref="InMemoryContactDirectory"/>): the stored contact becomes <see cref="ContactMerger.Merge(Contact, Contact)"/>
/// of the stored and the incoming one, and the first contact to claim a key keeps it (insert-if-absent).
/// A batch costs a few round trips, not a few per contact: its point reads run concurrently (at most
/// <see cref="BoundedRequests.MaxInFlight"/> at a time) and its contact and key rows go in transactions of 100.
/// </summary>
/// <param name="contactTable">The contacts table; it must exist.</param>
/// <param name="keyTable">The contact-keys table; it must exist.</param>
/// <param name="emailIndex">The cross-owner address index reply matching reads; written with each contact that has an email.</param>
public sealed partial class TableContactStore(TableClient contactTable, TableClient keyTable, Outcomes.TableContactEmailIndex emailIndex)
    : IContactDirectory, IContactSink, IContactReader
{
    private const string ContactIdProperty = "ContactId";

    /// <summary>How many stored contacts of a batch are found by a refused insert, each costing a retry, before the rest is read at once.</summary>
    private const int StoredContactsFoundOneByOne = 2;

    /// <inheritdoc />
    public async Task<Contact?> GetAsync(string ownerId, string contactId, CancellationToken cancellationToken)
    {
        var entity = await contactTable.GetAsync(ContactEntity.PartitionKey(ownerId), ContactEntity.RowKey(contactId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ContactEntity.To(entity);
    }

    /// <summary>Every contact of the owner, ordered by contact id (one partition query).</summary>
    public async Task<IReadOnlyList<Contact>> ListAsync(string ownerId, CancellationToken cancellationToken)
    {
        var list = new List<Contact>();
        var rows = contactTable.QueryAsync(TableFilter.Eq("PartitionKey", ContactEntity.PartitionKey(ownerId)), cancellationToken: cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            list.Add(ContactEntity.To(row));
        }

        return [.. list.OrderBy(c => c.ContactId, StringComparer.Ordinal)];
    }

    /// <summary>One page of the owner's contacts, ordered by contact id; pass the continuation back for the next page (null at the end).</summary>
    public async Task<(IReadOnlyList<Contact> Contacts, TableContinuation? Continuation)> ListPageAsync(
        string ownerId, int take, TableContinuation? continuation, CancellationToken cancellationToken)
    {
        var page = await contactTable.QueryPageAsync(
            TableFilter.Eq("PartitionKey", ContactEntity.PartitionKey(ownerId)), pageSize: take, continuation: continuation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ([.. page.Entities.Select(ContactEntity.To)], page.Continuation);
    }

    /// <summary>
    /// The contacts with these ids, in the same order (null where there is none): point reads, at most
    /// <see cref="BoundedRequests.MaxInFlight"/> at a time.
    /// </summary>
    public Task<Contact?[]> GetManyAsync(string ownerId, IReadOnlyList<string> contactIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contactIds);
        return BoundedRequests.SelectAsync(contactIds, (id, token) => GetAsync(ownerId, id, token), cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<bool> HasContactsAsync(string ownerId, CancellationToken cancellationToken)
    {
        // The service may answer a page with no rows but a continuation (a query that ran into its time limit):
        // only an empty page without one means there is nothing.
        TableContinuation? continuation = null;
        do
        {
            var page = await contactTable.QueryPageAsync(
                TableFilter.Eq("PartitionKey", ContactEntity.PartitionKey(ownerId)), pageSize: 1, continuation: continuation, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (page.Entities.Count > 0)
            {
                return true;
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);

        return false;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Each distinct key is one point read on the key table and each distinct contact they point at one read on the
    /// contact table, both run concurrently (bounded): two round trips of latency per batch rather than one per key.
    /// </remarks>
    public async ValueTask<IReadOnlyDictionary<ContactKey, Contact>> FindAsync(string ownerId, IReadOnlyCollection<ContactKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var distinct = keys.Distinct().ToArray();
        var partition = TableKeyCodec.Encode(ownerId);
        var rows = await BoundedRequests.SelectAsync(distinct, (key, token) => keyTable.GetAsync(partition, KeyRow(key), token), cancellationToken)
            .ConfigureAwait(false);
        var claimedBy = rows.Select(row => row?.GetString(ContactIdProperty)).ToArray();
        var ids = claimedBy.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var contacts = await GetManyAsync(ownerId, ids, cancellationToken).ConfigureAwait(false);
        var byId = new Dictionary<string, Contact?>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            byId[ids[i]] = contacts[i];
        }

        var found = new Dictionary<ContactKey, Contact>();
        for (var i = 0; i < distinct.Length; i++)
        {
            // A key row whose contact is gone (erased between the two reads) matches nothing.
            if (claimedBy[i] is { } id && byId[id] is { } contact)
            {
                found[distinct[i]] = contact;
            }
        }

        return found;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The same result as writing the contacts one by one in order, in few round trips: a contact id sent twice is
    /// merged in order, the contact rows are written in transactions of 100 (<see cref="WriteRowsAsync"/>; one
    /// partition), then the keys are claimed (<see cref="ClaimKeysAsync"/>) and the address index written concurrently.
    /// </remarks>
    public async ValueTask WriteAsync(string ownerId, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var versionsById = new Dictionary<string, List<Contact>>(StringComparer.Ordinal);
        var versions = new List<List<Contact>>();
        foreach (var incoming in contacts)
        {
            if (incoming.OwnerId != ownerId)
            {
                throw new ArgumentException($"Contact {incoming.ContactId} belongs to another owner than the batch.", nameof(contacts));
            }

            if (!versionsById.TryGetValue(incoming.ContactId, out var ofId))
            {
                versionsById[incoming.ContactId] = ofId = [];
                versions.Add(ofId);
            }

            ofId.Add(incoming);
        }

        var existing = new List<Contact?>(versions.Count);
        var stored = new List<Contact>(versions.Count);
        foreach (var chunk in versions.Chunk(TableClient.MaxTransactionActions))
        {
            var (before, after) = await WriteRowsAsync(ownerId, chunk, cancellationToken).ConfigureAwait(false);
            existing.AddRange(before);
            stored.AddRange(after);
        }

        await ClaimKeysAsync(ownerId, stored, existing, cancellationToken).ConfigureAwait(false);
        var withEmail = stored.Where(c => c.EmailKey is { Length: > 0 }).ToArray();
        await BoundedRequests.ForEachAsync(withEmail, (contact, token) => emailIndex.AddAsync(contact.EmailKey!, ownerId, contact.ContactId, token), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Writes up to 100 contacts (each the versions of one id, in batch order) in one transaction, as inserts first: a
    /// batch of new contacts (a first import) needs no reads. The transaction names the contact it found stored
    /// already (and changed nothing), so that one is read, merged and the transaction retried with it as an upsert;
    /// after <see cref="StoredContactsFoundOneByOne"/> such contacts the rest of the batch is read at once instead.
    /// </summary>
    /// <returns>Each contact's row before (null when new) and as written.</returns>
    private async Task<(Contact?[] Existing, Contact[] Stored)> WriteRowsAsync(string ownerId, List<Contact>[] versions, CancellationToken cancellationToken)
    {
        var existing = new Contact?[versions.Length];
        var read = new bool[versions.Length];
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
    /// Deletes the contact (erasure): its keys (they hold the address, the LinkedIn URL and the name), its entry in the
    /// address index, then the contact row. False when there was no such contact.
    /// </summary>
    public async Task<bool> DeleteAsync(string ownerId, string contactId, CancellationToken cancellationToken)
    {
        if (await GetAsync(ownerId, contactId, cancellationToken).ConfigureAwait(false) is not { } contact)
        {
            return false;
        }

        foreach (var key in ContactKeys.Of(contact))
        {
            var row = await keyTable.GetAsync(TableKeyCodec.Encode(ownerId), KeyRow(key), cancellationToken).ConfigureAwait(false);
            if (string.Equals(row?.GetString(ContactIdProperty), contactId, StringComparison.Ordinal))
            {
                await keyTable.DeleteAsync(row!.PartitionKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        if (contact.EmailKey is { Length: > 0 } emailKey)
        {
            await emailIndex.RemoveAsync(emailKey, ownerId, contactId, cancellationToken).ConfigureAwait(false);
        }

        return await contactTable.DeleteAsync(ContactEntity.PartitionKey(ownerId), ContactEntity.RowKey(contactId), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Claims every key of the stored contacts, the first claimer keeping a key (in batch order within the batch).
    /// Keys a contact did not have before are new in the table nearly always, so they are inserted in transactions
    /// of 100; a transaction that meets a key already claimed (by another contact) is rolled back whole, and its keys
    /// are then claimed one by one. Keys the stored row already had were claimed when it was written, so they
    /// go one by one (concurrently) straight away: insert-if-absent still takes one back that an erasure freed.
    /// </summary>
    private async Task ClaimKeysAsync(string ownerId, List<Contact> stored, List<Contact?> existing, CancellationToken cancellationToken)
    {
        var partition = TableKeyCodec.Encode(ownerId);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fresh = new List<TableEntity>();
        var held = new List<TableEntity>();
        for (var i = 0; i < stored.Count; i++)
        {
            var before = existing[i] is { } old ? ContactKeys.Of(old) : [];
            foreach (var key in ContactKeys.Of(stored[i]))
            {
                var row = KeyRow(key);
                if (seen.Add(row))
                {
                    var entity = new TableEntity(partition, row) { [ContactIdProperty] = stored[i].ContactId };
                    (before.Contains(key) ? held : fresh).Add(entity);
                }
            }
        }

        var transactions = fresh.Chunk(TableClient.MaxTransactionActions).ToArray();
        var inserted = await BoundedRequests.SelectAsync(transactions, TryInsertAllAsync, cancellationToken).ConfigureAwait(false);
        var oneByOne = held.Concat(transactions.Where((_, i) => !inserted[i]).SelectMany(rows => rows)).ToArray();
        await BoundedRequests.ForEachAsync(oneByOne, ClaimKeyAsync, cancellationToken).ConfigureAwait(false);
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

    private async Task ClaimKeyAsync(TableEntity keyRow, CancellationToken cancellationToken)
    {
        try
        {
            await keyTable.InsertAsync(keyRow, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConcurrencyException e) when (e.Status == 409)
        {
            // The first contact to claim a key keeps it.
        }
    }

    // ContactKey.ToString() is "email:…", "linkedin:https://…" or "name:…|…": the codec escapes '/', '|' and the rest reversibly.
    private static string KeyRow(ContactKey key) => TableKeyCodec.Encode(key.ToString());
}
