namespace Outreach.Core.Imports;

/// <summary>
/// The keys of every contact this import created, mapped to their ids, in as little memory as possible: an
/// open-addressing table from a 64-bit hash of the key (<see cref="Contacts.StableHash.Of"/>) to the ordinal of
/// the contact, whose 128-bit id is kept once in a list (about 30 bytes a key and 16 a contact, so a
/// million-row file needs tens of megabytes, and a lookup is one cache miss, not the two of a Dictionary).
/// Two different keys sharing a 64-bit hash would merge two people; with a few million keys the odds are
/// below one in a million, which the import accepts.
/// </summary>
internal sealed class DedupeIndex
{
    private const double MaxLoad = 0.7;

    private readonly List<UInt128> _ids = [];
    private ulong[] _keys = new ulong[1024];
    private int[] _ordinals = new int[1024];
    private int _count;

    /// <summary>Keys held.</summary>
    public int Count => _count;

    /// <summary>Contacts held.</summary>
    public int Contacts => _ids.Count;

    /// <summary>Registers a contact created by this import; returns its ordinal for <see cref="TryAdd"/>.</summary>
    public int AddContact(UInt128 id)
    {
        _ids.Add(id);
        return _ids.Count - 1;
    }

    /// <summary>The id of the contact with ordinal <paramref name="ordinal"/>.</summary>
    public UInt128 IdOf(int ordinal) => _ids[ordinal];

    /// <summary>The ordinal of the contact holding the key with this hash, or -1.</summary>
    public int Find(ulong keyHash)
    {
        var key = Stored(keyHash);
        var mask = _keys.Length - 1;
        for (var slot = (int)key & mask; ; slot = (slot + 1) & mask)
        {
            var k = _keys[slot];
            if (k == key)
            {
                return _ordinals[slot];
            }

            if (k == 0)
            {
                return -1;
            }
        }
    }

    /// <summary>Maps the key to contact <paramref name="ordinal"/> unless it already maps to a contact.</summary>
    public void TryAdd(ulong keyHash, int ordinal)
    {
        if (_count + 1 > _keys.Length * MaxLoad)
        {
            Grow();
        }

        var key = Stored(keyHash);
        var mask = _keys.Length - 1;
        for (var slot = (int)key & mask; ; slot = (slot + 1) & mask)
        {
            var k = _keys[slot];
            if (k == key)
            {
                return;
            }

            if (k == 0)
            {
                _keys[slot] = key;
                _ordinals[slot] = ordinal;
                _count++;
                return;
            }
        }
    }

    /// <summary>0 marks an empty slot, so a hash of 0 is stored as 1 (one more 64-bit collision, no more).</summary>
    private static ulong Stored(ulong keyHash) => keyHash == 0 ? 1 : keyHash;

    private void Grow()
    {
        var oldKeys = _keys;
        var oldOrdinals = _ordinals;
        _keys = new ulong[oldKeys.Length * 2];
        _ordinals = new int[oldKeys.Length * 2];
        var mask = _keys.Length - 1;
        for (var i = 0; i < oldKeys.Length; i++)
        {
            var key = oldKeys[i];
            if (key == 0)
            {
                continue;
            }

            var slot = (int)key & mask;
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _keys[slot] = key;
            _ordinals[slot] = oldOrdinals[i];
        }
    }
}
