using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Outreach.Core.Contacts;

/// <summary>
/// Deterministic contact ids: a hash of the owner and the first identity a contact was seen with, so importing
/// the same file twice (or on a retry after a crash) produces the same ids and changes nothing.
/// </summary>
public static class ContactIdFactory
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The id for a contact of <paramref name="ownerId"/> first seen with <paramref name="key"/>: 26 lower-case base32 characters (128 bits of SHA-256).</summary>
    public static string Create(string ownerId, ContactKey key) => Format(CreateValue(ownerId, key));

    /// <summary>The 128 bits behind an id, kept instead of the string where millions are held (the import's index).</summary>
    internal static UInt128 CreateValue(string ownerId, ContactKey key)
    {
        ArgumentNullException.ThrowIfNull(ownerId);
        var text = string.Concat(ownerId, "\n", key.ToString());
        var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        var buffer = maxBytes <= 512 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(text, buffer);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer[..length], hash);
        return BinaryPrimitives.ReadUInt128BigEndian(hash);
    }

    /// <summary>The id text of a value from <see cref="CreateValue"/>.</summary>
    internal static string Format(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        Span<char> chars = stackalloc char[(bytes.Length * 8 + 4) / 5];
        var bits = 0;
        var buffer = 0;
        var position = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[position++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars[position++] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(chars[..position]);
    }
}
