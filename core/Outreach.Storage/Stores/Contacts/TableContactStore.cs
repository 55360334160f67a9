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
    private const string ContactIdProperty = ContactKeyRows.ContactIdProperty;

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
        var rows = await BoundedRequests.SelectAsync(distinct, (key, token) => keyTable.GetAsync(partition, ContactKeyRows.RowKey(key), token), cancellationToken)
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

    /// <summary>
    /// Deletes the contact (erasure): its keys (they hold the address, the LinkedIn URL and the name), those claimed for
    /// it beside its own (<see cref="ContactKeyClaim"/>: a second address, say) included, its entries in the address index
    /// (its own address and the second ones), then the contact row. False when there was no such contact.
    /// </summary>
    public async Task<bool> DeleteAsync(string ownerId, string contactId, CancellationToken cancellationToken)
    {
        if (await GetAsync(ownerId, contactId, cancellationToken).ConfigureAwait(false) is not { } contact)
        {
            return false;
        }

        var partition = TableKeyCodec.Encode(ownerId);
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        if (contact.EmailKey is { Length: > 0 } emailKey)
        {
            addresses.Add(emailKey);
        }

        foreach (var row in await KeyRowsOfAsync(ownerId, contactId, cancellationToken).ConfigureAwait(false))
        {
            await keyTable.DeleteAsync(partition, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (ContactKeyRows.TryRead(row, out var key) && key.Kind == ContactKeyKind.Email)
            {
                addresses.Add(key.Value);
            }
        }

        foreach (var address in addresses)
        {
            await emailIndex.RemoveAsync(address, ownerId, contactId, cancellationToken).ConfigureAwait(false);
        }

        return await contactTable.DeleteAsync(ContactEntity.PartitionKey(ownerId), ContactEntity.RowKey(contactId), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every key the contact holds: its own and those an import claimed for it (<see cref="ContactKeyClaim"/>), such as a
    /// second address. What an erasure needs to find the contact's rows in files imported before.
    /// </summary>
    public async Task<IReadOnlyList<ContactKey>> KeysOfAsync(string ownerId, string contactId, CancellationToken cancellationToken)
    {
        var keys = new List<ContactKey>();
        foreach (var row in await KeyRowsOfAsync(ownerId, contactId, cancellationToken).ConfigureAwait(false))
        {
            if (ContactKeyRows.TryRead(row, out var key))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>The key rows pointing at the contact: one query of the owner's partition (claimed keys cannot be derived from the contact).</summary>
    private async Task<List<TableEntity>> KeyRowsOfAsync(string ownerId, string contactId, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        var query = keyTable.QueryAsync(
            TableFilter.Eq("PartitionKey", TableKeyCodec.Encode(ownerId)).And(TableFilter.Eq(ContactIdProperty, contactId)), select: ContactKeyRows.Select, cancellationToken: cancellationToken);
        await foreach (var row in query.ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }
}
