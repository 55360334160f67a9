using System.Numerics;
using System.Runtime.InteropServices;

namespace Outreach.Core.Contacts;

/// <summary>
/// A fast, seeded, non-cryptographic hash of text (murmur3-style mixing, four UTF-16 chars at a time), stable
/// across processes and machines (little-endian, as every .NET platform is), unlike <see cref="string.GetHashCode()"/>.
/// Used where millions of keys must be hashed per import; nothing here needs resistance to deliberate collisions
/// (the only text hashed is the owner's own contacts, inside the owner's own partition).
/// </summary>
internal static class StableHash
{
    private const ulong C1 = 0x87c37b91114253d5UL;
    private const ulong C2 = 0x4cf5ad432745937fUL;

    /// <summary>Folds <paramref name="text"/> into <paramref name="state"/>.</summary>
    public static ulong Append(ulong state, ReadOnlySpan<char> text)
    {
        var h = state;
        var blocks = MemoryMarshal.Cast<char, ulong>(text);
        foreach (var block in blocks)
        {
            h ^= BitOperations.RotateLeft(block * C1, 31) * C2;
            h = (BitOperations.RotateLeft(h, 27) * 5) + 0x52dce729;
        }

        ulong tail = 0;
        for (var i = blocks.Length * 4; i < text.Length; i++)
        {
            tail = (tail << 16) | text[i];
        }

        h ^= BitOperations.RotateLeft((tail ^ (ulong)text.Length) * C1, 31) * C2;
        return (BitOperations.RotateLeft(h, 27) * 5) + 0x52dce729;
    }

    /// <summary>
    /// Folds <paramref name="text"/> into two states at once, with the results of two <see cref="Append(ulong, ReadOnlySpan{char})"/>
    /// calls: each state is a chain of multiplications that waits on itself, and two independent chains run side by
    /// side, so the second hash costs little more than the reads it shares with the first.
    /// </summary>
    public static (ulong First, ulong Second) Append(ulong first, ulong second, ReadOnlySpan<char> text)
    {
        var h1 = first;
        var h2 = second;
        var blocks = MemoryMarshal.Cast<char, ulong>(text);
        foreach (var block in blocks)
        {
            var k = BitOperations.RotateLeft(block * C1, 31) * C2;
            h1 ^= k;
            h2 ^= k;
            h1 = (BitOperations.RotateLeft(h1, 27) * 5) + 0x52dce729;
            h2 = (BitOperations.RotateLeft(h2, 27) * 5) + 0x52dce729;
        }

        ulong tail = 0;
        for (var i = blocks.Length * 4; i < text.Length; i++)
        {
            tail = (tail << 16) | text[i];
        }

        var last = BitOperations.RotateLeft((tail ^ (ulong)text.Length) * C1, 31) * C2;
        h1 ^= last;
        h2 ^= last;
        return ((BitOperations.RotateLeft(h1, 27) * 5) + 0x52dce729, (BitOperations.RotateLeft(h2, 27) * 5) + 0x52dce729);
    }

    /// <summary>Makes every bit of <paramref name="h"/> depend on every input bit (murmur3's fmix64).</summary>
    public static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }
}
