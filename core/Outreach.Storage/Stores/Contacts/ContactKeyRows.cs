using System.Security.Cryptography;
using System.Text;
using Outreach.Core.Contacts;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Contacts;

/// <summary>
/// The <c>ContactKeys</c> row of a <see cref="ContactKey"/>: its text, key-encoded (<see cref="TableKeyCodec"/>), as the
/// RowKey; or, for a key whose encoding is longer than the service takes in a RowKey (1 KiB: a long non-Latin LinkedIn
/// handle, say, whose percent-encoding the codec escapes again), a digest of it as the RowKey with the key's text in
/// <see cref="KeyProperty"/>. Every key that fits keeps the row it always had.
/// </summary>
internal static class ContactKeyRows
{
    /// <summary>The property a digest row carries its key in.</summary>
    public const string KeyProperty = "Key";

    /// <summary>The property every key row names its contact in.</summary>
    public const string ContactIdProperty = "ContactId";

    /// <summary>The properties <see cref="TryRead"/> needs, for a query's select.</summary>
    public static readonly string[] Select = ["RowKey", KeyProperty, ContactIdProperty];

    /// <summary>The longest RowKey the service takes, in UTF-8 bytes (a limit in characters is then met too).</summary>
    private const int MaxRowKeyBytes = 1024;

    /// <summary>Starts a digest row; no key text starts so (they start email:, linkedin: or name:).</summary>
    private const string DigestPrefix = "sha256:";

    public static string RowKey(ContactKey key)
    {
        var text = key.ToString();
        var encoded = TableKeyCodec.Encode(text);
        return Encoding.UTF8.GetByteCount(encoded) <= MaxRowKeyBytes
            ? encoded
            : DigestPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The row claiming <paramref name="key"/> for <paramref name="contactId"/>.</summary>
    public static TableEntity Entity(string partitionKey, ContactKey key, string contactId)
    {
        var rowKey = RowKey(key);
        var entity = new TableEntity(partitionKey, rowKey) { [ContactIdProperty] = contactId };
        if (rowKey.StartsWith(DigestPrefix, StringComparison.Ordinal))
        {
            entity[KeyProperty] = key.ToString();
        }

        return entity;
    }

    /// <summary>The key a row holds; false for a row this store did not write.</summary>
    public static bool TryRead(TableEntity row, out ContactKey key) =>
        ContactKey.TryParse(row.GetString(KeyProperty) ?? TableKeyCodec.Decode(row.RowKey), out key);
}
