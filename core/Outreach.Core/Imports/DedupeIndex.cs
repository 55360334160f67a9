using System.Runtime.InteropServices;
using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>
/// The contacts this import created and their keys, in as little memory as possible: an open-addressing table
/// from a 64-bit hash of each key (<see cref="OwnerContactIds.KeyHash"/>) to the contact's ordinal, and per
/// contact its 128-bit id, the fields it has, a hash of its name (<see cref="ContactKeys.PersonNameHash"/>) and its place
/// in the batch being written. A slot holds the hash and the ordinal side by side, so a lookup is one cache miss. About
/// 20 bytes a key and 32 a contact: a million-row
/// file needs tens of megabytes. Two different keys sharing a 64-bit hash would merge two people; with a few
/// million keys the odds are below one in a million, which the import accepts.
/// </summary>
internal sealed class DedupeIndex
{
    private const double MaxLoad = 0.7;

    /// <summary>
    /// The largest table sized up front (8M slots, 96 MiB: about 3.5 million rows). Sizing from the start instead of
    /// growing matters for memory: a grow holds the old table and the new one, twice as large, at once.
    /// </summary>
    private const int MaxInitialSlots = 1 << 23;

    private Slot[] _slots;
    private UInt128[] _ids;
    private ContactFieldSet[] _fields;
    private ulong[] _names;
    private int[] _pendingPlusOne;
    private int _keys;
    private int _contacts;

    /// <param name="expectedKeys">Roughly how many keys the import will hold (sizes the table once instead of growing it).</param>
    public DedupeIndex(int expectedKeys = 0)
    {
        var slots = (int)Math.Min(MaxInitialSlots, Math.Max(1024, Math.Ceiling(expectedKeys / MaxLoad)));
        _slots = new Slot[slots];
        var contacts = Math.Max(256, Math.Min(slots / 2, expectedKeys / 2));
        _ids = new UInt128[contacts];
        _fields = new ContactFieldSet[contacts];
        _names = new ulong[contacts];
        _pendingPlusOne = new int[contacts];
    }

    /// <summary>Keys held.</summary>
    public int Count => _keys;

    /// <summary>Contacts held.</summary>
    public int Contacts => _contacts;

    /// <summary>Registers a contact created by this import, with the hash of its name; returns its ordinal.</summary>
    public int AddContact(UInt128 id, ContactFieldSet fields, ulong nameHash = 0)
    {
        if (_contacts == _ids.Length)
        {
            var size = _ids.Length * 2;
            Array.Resize(ref _ids, size);
            Array.Resize(ref _fields, size);
            Array.Resize(ref _names, size);
            Array.Resize(ref _pendingPlusOne, size);
        }

        _ids[_contacts] = id;
        _fields[_contacts] = fields;
        _names[_contacts] = nameHash;
        return _contacts++;
    }

    /// <summary>The hash of the name the contact was created with (<see cref="ContactKeys.PersonNameHash"/>).</summary>
    public ulong NameHashOf(int ordinal) => _names[ordinal];

    /// <summary>The id of the contact with ordinal <paramref name="ordinal"/>.</summary>
    public UInt128 IdOf(int ordinal) => _ids[ordinal];

    /// <summary>The fields the contact has (as far as this import wrote them).</summary>
    public ref ContactFieldSet FieldsOf(int ordinal) => ref _fields[ordinal];

    /// <summary>Where the contact is in the batch being built, or -1.</summary>
    public int PendingSlotOf(int ordinal) => _pendingPlusOne[ordinal] - 1;

    /// <summary>Records where the contact is in the batch being built (-1: not in it).</summary>
    public void SetPendingSlot(int ordinal, int slot) => _pendingPlusOne[ordinal] = slot + 1;

    /// <summary>The ordinal of the contact holding the key with this hash, or -1.</summary>
    public int Find(ulong keyHash)
    {
        var key = Stored(keyHash);
        var slots = _slots;
        for (var i = Home(key, slots.Length); ; i = Next(i, slots.Length))
        {
            ref var slot = ref slots[i];
            if (slot.Key == key)
            {
                return slot.Ordinal;
            }

            if (slot.Key == 0)
            {
                return -1;
            }
        }
    }

    /// <summary>
    /// Reads the slot a key hashes to and returns what it holds. Called for every key of a batch before resolving it:
    /// these reads do not depend on one another, so the processor fetches their cache lines in parallel instead of
    /// stalling on one miss after another during <see cref="Find"/>.
    /// </summary>
    public ulong Touch(ulong keyHash) => _slots[Home(Stored(keyHash), _slots.Length)].Key;

    /// <summary>Maps the key to contact <paramref name="ordinal"/> unless it already maps to a contact.</summary>
    public void TryAdd(ulong keyHash, int ordinal)
    {
        if (_keys + 1 > _slots.Length * MaxLoad)
        {
            Grow();
        }

        var key = Stored(keyHash);
        var slots = _slots;
        for (var i = Home(key, slots.Length); ; i = Next(i, slots.Length))
        {
            ref var slot = ref slots[i];
            if (slot.Key == key)
            {
                return;
            }

            if (slot.Key == 0)
            {
                slot = new Slot(key, ordinal);
                _keys++;
                return;
            }
        }
    }

    /// <summary>
    /// The slot a key starts probing at: its high 32 bits scaled to the table's length (Lemire's multiply-shift), so the
    /// table can be sized to the file instead of rounded up to a power of two (up to half of it empty).
    /// </summary>
    private static int Home(ulong key, int length) => (int)(((key >> 32) * (ulong)(uint)length) >> 32);

    private static int Next(int slot, int length) => slot + 1 == length ? 0 : slot + 1;

    /// <summary>0 marks an empty slot, so a hash of 0 is stored as 1 (one more 64-bit collision, no more).</summary>
    private static ulong Stored(ulong keyHash) => keyHash == 0 ? 1 : keyHash;

    private void Grow()
    {
        var old = _slots;
        var slots = new Slot[old.Length * 2];
        foreach (var slot in old)
        {
            if (slot.Key == 0)
            {
                continue;
            }

            var i = Home(slot.Key, slots.Length);
            while (slots[i].Key != 0)
            {
                i = Next(i, slots.Length);
            }

            slots[i] = slot;
        }

        _slots = slots;
    }

    /// <summary>Twelve bytes, not sixteen: packed, so a million-row file's table is a quarter smaller (x64 and Arm64 read the unaligned key at full speed).</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Slot(ulong Key, int Ordinal);
}
