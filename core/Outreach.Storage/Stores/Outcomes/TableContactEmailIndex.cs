using Outreach.Core.Outcomes;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Outcomes;

/// <summary>
/// Which owners have a contact with a given address, across owners: the <c>ContactEmails</c> table, PartitionKey the
/// SHA-256 of the email key (the address is not stored), RowKey <c>owner|contact</c>. Written with the contact
/// (<see cref="Contacts.TableContactStore"/>), read to match a reply by its sender and to suppress a dead mailbox
/// everywhere, deleted on erasure.
/// </summary>
/// <param name="table">The index table; created on first use.</param>
public sealed class TableContactEmailIndex(TableClient table)
{
    private readonly EnsuredTable _table = new(table ?? throw new ArgumentNullException(nameof(table)));

    /// <summary>Records that the owner's contact has the address.</summary>
    public async Task AddAsync(string emailKey, string ownerId, string contactId, CancellationToken cancellationToken) =>
        await (await _table.GetAsync(cancellationToken).ConfigureAwait(false))
            .UpsertAsync(new TableEntity(PartitionKey(emailKey), TableKeyCodec.Join(ownerId, contactId)), TableUpdateMode.Replace, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>Every (owner, contact) with the address, ordered by owner then contact.</summary>
    public async Task<IReadOnlyList<(string OwnerId, string ContactId)>> FindAsync(string emailKey, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<(string, string)>();
        await foreach (var row in table.QueryAsync(TableFilter.Eq("PartitionKey", PartitionKey(emailKey)), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var parts = TableKeyCodec.Split(row.RowKey, 2);
            found.Add((parts[0], parts[1]));
        }

        return found;
    }

    /// <summary>Removes the owner's contact from the address's entry.</summary>
    public async Task RemoveAsync(string emailKey, string ownerId, string contactId, CancellationToken cancellationToken) =>
        await (await _table.GetAsync(cancellationToken).ConfigureAwait(false))
            .DeleteAsync(PartitionKey(emailKey), TableKeyCodec.Join(ownerId, contactId), cancellationToken: cancellationToken).ConfigureAwait(false);

    private static string PartitionKey(string emailKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emailKey);
        return DedupeKeys.Sha256Hex(emailKey.Trim().ToLowerInvariant());
    }
}
