namespace Outreach.Core.Contacts;

/// <summary>
/// Contact ids and key hashes for one owner (<see cref="ContactIdFactory"/>): the owner is folded into the seed of
/// each key kind once, so the high half of an id, which is also the key's hash in the import's index, costs one pass
/// over the key's text, and the low half is hashed side by side with it.
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

    /// <summary>
    /// The 128 bits of the id for a key given as its kind and normalised value: two independently seeded hashes of owner
    /// and key (the low half takes the key, then the owner). The ids are pinned: both halves are hashed in one pass over
    /// the key, with the results of two.
    /// </summary>
    public UInt128 CreateValue(ContactKeyKind kind, ReadOnlySpan<char> value)
    {
        var (high, low) = StableHash.Append(Prefix(kind), LowSeed ^ ((ulong)kind << 7), value);
        return new UInt128(StableHash.Finish(high), StableHash.Finish(StableHash.Append(low, _ownerId)));
    }

    /// <summary>
    /// A 64-bit hash of a key within the owner: the high half of the id the key gives (<see cref="ContactIdFactory.KeyHashOf"/>),
    /// so the strongest key of a row is hashed for the import's index at no cost beyond making its id.
    /// </summary>
    public ulong KeyHash(ContactKeyKind kind, ReadOnlySpan<char> value)
    {
        return StableHash.Finish(StableHash.Append(Prefix(kind), value));
    }

    private ulong Prefix(ContactKeyKind kind) => kind switch
    {
        ContactKeyKind.Email => _emailPrefix,
        ContactKeyKind.LinkedIn => _linkedInPrefix,
        _ => _namePrefix,
    };
}
