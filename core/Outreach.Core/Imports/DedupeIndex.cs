using System.Numerics;
using System.Runtime.InteropServices;
using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// The keys of every contact this import created, mapped to their ids, in as little memory as possible: a
/// 64-bit hash of the key to the 128 bits of the id (about 40 bytes an entry, so a million-row file fits in
/// tens of megabytes). Two different keys sharing a 64-bit hash would merge two people; with a few million
/// keys the odds are below one in a million, which the import accepts.
/// </summary>
internal sealed class DedupeIndex
{
    private readonly Dictionary<ulong, UInt128> _ids = [];

    public int Count => _ids.Count;

    public bool TryGet(ContactKey key, out UInt128 id) => _ids.TryGetValue(Hash(key), out id);

    public bool Contains(ContactKey key) => _ids.ContainsKey(Hash(key));

    /// <summary>Maps <paramref name="key"/> to <paramref name="id"/> unless it already maps to a contact.</summary>
    public void TryAdd(ContactKey key, UInt128 id) => _ids.TryAdd(Hash(key), id);

    /// <summary>A 64-bit hash of kind and value (murmur-style mixing of 4 chars at a time, stable across runs).</summary>
    internal static ulong Hash(ContactKey key)
    {
        const ulong c1 = 0x87c37b91114253d5UL;
        const ulong c2 = 0x4cf5ad432745937fUL;
        var h = 0x9E3779B97F4A7C15UL ^ ((ulong)key.Kind * c2);
        var chars = key.Value.AsSpan();
        var blocks = MemoryMarshal.Cast<char, ulong>(chars);
        foreach (var block in blocks)
        {
            h ^= BitOperations.RotateLeft(block * c1, 31) * c2;
            h = (BitOperations.RotateLeft(h, 27) * 5) + 0x52dce729;
        }

        ulong tail = 0;
        for (var i = blocks.Length * 4; i < chars.Length; i++)
        {
            tail = (tail << 16) | chars[i];
        }

        h ^= BitOperations.RotateLeft(tail * c1, 31) * c2;
        h ^= (ulong)chars.Length;

        // fmix64: every input bit affects every output bit.
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }
}
