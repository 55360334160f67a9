namespace Outreach.Core.Contacts;

/// <summary>
/// Contact ids and key hashes for one owner (<see cref="ContactIdFactory"/>): the owner is folded into the seed of
/// each key kind once, so the high half of an id, which is also the key's hash in the import's index, costs one pass
/// over the key's text.
/// </summary>
internal readonly struct OwnerContactIds
{
    private const ulong HighSeed = 0x243F6A8885A308D3UL;
    private const ulong LowSeed = 0x13198A2E03707344UL;

    private readonly string _ownerId;
    private readonly ulong _emailPrefix;
    private readonly ulong _linkedInPrefix;
    private readonly ulong _namePrefix;

    public OwnerContactIds(string ownerId)
    {
        ArgumentNullException.ThrowIfNull(ownerId);
        _ownerId = ownerId;
        _emailPrefix = StableHash.Append(HighSeed ^ (ulong)ContactKeyKind.Email, ownerId);
        _linkedInPrefix = StableHash.Append(HighSeed ^ (ulong)ContactKeyKind.LinkedIn, ownerId);
        _namePrefix = StableHash.Append(HighSeed ^ (ulong)ContactKeyKind.NameAndCompany, ownerId);
    }

    /// <summary>The 128 bits of the id for a key given as its kind and normalised value (two independently seeded hashes of owner and key).</summary>
    public UInt128 CreateValue(ContactKeyKind kind, ReadOnlySpan<char> value)
    {
        var low = StableHash.Finish(StableHash.Append(StableHash.Append(LowSeed ^ ((ulong)kind << 7), value), _ownerId));
        return new UInt128(KeyHash(kind, value), low);
    }

    /// <summary>
    /// A 64-bit hash of a key within the owner: the high half of the id the key gives (<see cref="ContactIdFactory.KeyHashOf"/>),
    /// so the strongest key of a row is hashed for the import's index at no cost beyond making its id.
    /// </summary>
    public ulong KeyHash(ContactKeyKind kind, ReadOnlySpan<char> value)
    {
        var prefix = kind switch
        {
            ContactKeyKind.Email => _emailPrefix,
            ContactKeyKind.LinkedIn => _linkedInPrefix,
            _ => _namePrefix,
        };
        return StableHash.Finish(StableHash.Append(prefix, value));
    }
}
