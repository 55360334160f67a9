using Outreach.Core.Contacts;
using Outreach.Core.Sending;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Contacts;

/// <summary>
/// Contacts on two tables, both partitioned by owner: <c>Contacts</c> (RowKey the contact id) and <c>ContactKeys</c>
/// (RowKey the key-encoded <see cref="ContactKey"/>, pointing at the contact id). Writes merge like the import core
/// expects (<see cref="InMemoryContactDirectory"/>): the stored contact becomes <see cref="ContactMerger.Merge(Contact, Contact)"/>
/// of the stored and the incoming one, and the first contact to claim a key keeps it (insert-if-absent).
/// </summary>
/// <param name="contactTable">The contacts table; it must exist.</param>
/// <param name="keyTable">The contact-keys table; it must exist.</param>
/// <param name="emailIndex">The cross-owner address index reply matching reads; written with each contact that has an email.</param>
public sealed class TableContactStore(TableClient contactTable, TableClient keyTable, Outcomes.TableContactEmailIndex emailIndex)
    : IContactDirectory, IContactSink, IContactReader
{
    private const string ContactIdProperty = "ContactId";

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
    public async ValueTask<IReadOnlyDictionary<ContactKey, Contact>> FindAsync(string ownerId, IReadOnlyCollection<ContactKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<ContactKey, Contact>();
        var byId = new Dictionary<string, Contact?>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var row = await keyTable.GetAsync(TableKeyCodec.Encode(ownerId), KeyRow(key), cancellationToken).ConfigureAwait(false);
            if (row?.GetString(ContactIdProperty) is not { } contactId)
            {
                continue;
            }

            if (!byId.TryGetValue(contactId, out var contact))
            {
                byId[contactId] = contact = await GetAsync(ownerId, contactId, cancellationToken).ConfigureAwait(false);
            }

            if (contact is not null)
            {
                found[key] = contact;
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(string ownerId, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        foreach (var incoming in contacts)
        {
            if (incoming.OwnerId != ownerId)
            {
                throw new ArgumentException($"Contact {incoming.ContactId} belongs to another owner than the batch.", nameof(contacts));
            }

            var existing = await GetAsync(ownerId, incoming.ContactId, cancellationToken).ConfigureAwait(false);
            var stored = existing is null ? incoming : ContactMerger.Merge(existing, incoming);
            await contactTable.UpsertAsync(ContactEntity.From(stored), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            foreach (var key in ContactKeys.Of(stored))
            {
                await ClaimKeyAsync(ownerId, key, stored.ContactId, cancellationToken).ConfigureAwait(false);
            }

            if (stored.EmailKey is { Length: > 0 } emailKey)
            {
                await emailIndex.AddAsync(emailKey, ownerId, stored.ContactId, cancellationToken).ConfigureAwait(false);
            }
        }
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

    private async Task ClaimKeyAsync(string ownerId, ContactKey key, string contactId, CancellationToken cancellationToken)
    {
        try
        {
            await keyTable.InsertAsync(new TableEntity(TableKeyCodec.Encode(ownerId), KeyRow(key)) { [ContactIdProperty] = contactId }, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConcurrencyException e) when (e.Status == 409)
        {
            // The first contact to claim a key keeps it.
        }
    }

    // ContactKey.ToString() is "email:…", "linkedin:https://…" or "name:…|…": the codec escapes '/', '|' and the rest reversibly.
    private static string KeyRow(ContactKey key) => TableKeyCodec.Encode(key.ToString());
}
