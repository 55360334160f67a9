namespace Outreach.Core.Contacts;

/// <summary>
/// Deterministic contact ids: a hash of the owner and the first identity a contact was seen with, so importing
/// the same file twice (or on a retry after a crash) produces the same ids and changes nothing.
/// </summary>
public static class ContactIdFactory
{
    /// <summary>The id for a contact of <paramref name="ownerId"/> first seen with <paramref name="key"/>: 26 lower-case base32 characters (128 bits).</summary>
    public static string Create(string ownerId, ContactKey key) => Format(CreateValue(ownerId, key));

    /// <summary>
    /// The 128 bits behind an id (two independently seeded 64-bit hashes of the key, seeded by owner and kind), kept
    /// instead of the string where millions are held (the import's index). A cryptographic hash bought nothing here
    /// and cost a fifth of the import's time.
    /// </summary>
    internal static UInt128 CreateValue(string ownerId, ContactKey key) => For(ownerId).CreateValue(key.Kind, key.Value);

    /// <summary>Makes ids and key hashes for one owner (the owner is hashed once, not per key).</summary>
    internal static OwnerContactIds For(string ownerId) => new(ownerId);

    /// <summary>The key hash (<see cref="OwnerContactIds.KeyHash"/>) of the key an id was made from: its high half.</summary>
    internal static ulong KeyHashOf(UInt128 id) => (ulong)(id >> 64);

    /// <summary>
    /// The id text of a value from <see cref="CreateValue(string, ContactKey)"/>: lower-case base32 (RFC 4648, no padding) of
    /// its sixteen big-endian bytes, letters and digits only. Written straight from the two halves: an import makes one
    /// per new contact.
    /// </summary>
    internal static string Format(UInt128 value) => string.Create(26, value, static (chars, value) =>
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var high = (ulong)(value >> 64);
        var low = (ulong)value;
        for (var i = 0; i < 12; i++)
        {
            chars[i] = alphabet[(int)(high >> (59 - (5 * i))) & 31];
        }

        chars[12] = alphabet[(int)(((high & 0xF) << 1) | (low >> 63))];
        for (var i = 0; i < 12; i++)
        {
            chars[13 + i] = alphabet[(int)(low >> (58 - (5 * i))) & 31];
        }

        chars[25] = alphabet[(int)(low & 7) << 2];
    });
}
