using Outreach.Core.Contacts;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Contacts;

public sealed partial class TableContactStore
{
    /// <summary>Keys a contact can hold (email, LinkedIn URL, name + company), with room for ones left behind.</summary>
    private const int KeysPerContactAtMost = 4;

    /// <summary>
    /// The most text (in characters, about twice that in bytes) <see cref="TryReadAllAsync"/> holds: past it the
    /// owner's contacts are too large to keep in memory whatever their number (long notes), and it answers null.
    /// 32 Mi characters by default.
    /// </summary>
    internal long MaxCharactersReadAtOnce { get; init; } = 32L * 1024 * 1024;

    /// <inheritdoc />
    /// <remarks>
    /// Two partition scans, pages of up to 1,000: the contacts, then the key rows. A page is never larger than one more
    /// than <paramref name="maxContacts"/> allows, so an owner with too many contacts costs one small request. Contacts
    /// whose text passes <see cref="MaxCharactersReadAtOnce"/> are not kept either: null.
    /// </remarks>
    public async ValueTask<ContactDirectorySnapshot?> TryReadAllAsync(string ownerId, int maxContacts, CancellationToken cancellationToken)
    {
        if (await TryListAsync(ownerId, maxContacts, cancellationToken).ConfigureAwait(false) is not { } contacts)
        {
            return null;
        }

        var holders = new Dictionary<ContactKey, string>();
        var keyRows = keyTable.QueryAsync(TableFilter.Eq("PartitionKey", TableKeyCodec.Encode(ownerId)), select: ContactKeyRows.Select, cancellationToken: cancellationToken);
        await foreach (var row in keyRows.ConfigureAwait(false))
        {
            if (holders.Count == (long)maxContacts * KeysPerContactAtMost)
            {
                return null;
            }

            // A row this store did not write (not a key) is left out rather than failing the import.
            if (ContactKeyRows.TryRead(row, out var key) && row.GetString(ContactIdProperty) is { } id)
            {
                holders[key] = id;
            }
        }

        return new ContactDirectorySnapshot(contacts, holders);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One partition scan, pages of up to 1,000, each never larger than one more than <paramref name="maxContacts"/>
    /// allows, so an owner with too many contacts costs one small request. Contacts whose text passes
    /// <see cref="MaxCharactersReadAtOnce"/> are not kept either: null.
    /// </remarks>
    public async ValueTask<IReadOnlyList<Contact>?> TryListAsync(string ownerId, int maxContacts, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxContacts, 1);
        var contacts = new List<Contact>();
        long characters = 0;
        var partition = TableFilter.Eq("PartitionKey", ContactEntity.PartitionKey(ownerId));
        var pageSize = (int)Math.Min(TableClient.MaxPageSize, maxContacts + 1L);
        TableContinuation? continuation = null;
        do
        {
            var page = await contactTable.QueryPageAsync(partition, pageSize: pageSize, continuation: continuation, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (contacts.Count + page.Entities.Count > maxContacts)
            {
                return null;
            }

            characters += page.Entities.Sum(TextLength);
            if (characters > MaxCharactersReadAtOnce)
            {
                return null;
            }

            contacts.AddRange(page.Entities.Select(ContactEntity.To));
            continuation = page.Continuation;
        }
        while (continuation is not null);

        return contacts;
    }

    private static long TextLength(TableEntity entity) => entity.Sum(property => property.Value is string text ? text.Length : 0);
}
