using Outreach.Core.Contacts;
using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

/// <summary>The in-memory key index an import de-duplicates against: lookups through growth, clustering and the reserved hash 0.</summary>
public sealed class DedupeIndexTests
{
    [Fact]
    public void Every_key_still_finds_its_contact_after_the_table_grows_many_times()
    {
        var index = new DedupeIndex(expectedKeys: 0);
        var random = new Random(7);
        var keys = new ulong[50_000];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (ulong)random.NextInt64() | 1UL << 63;
            var ordinal = index.AddContact(new UInt128((ulong)i, 1), ContactFieldSet.Email);
            index.TryAdd(keys[i], ordinal);
        }

        Assert.Equal(keys.Length, index.Count);
        Assert.Equal(keys.Length, index.Contacts);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i, index.Find(keys[i]));
            Assert.Equal(new UInt128((ulong)i, 1), index.IdOf(i));
        }

        Assert.Equal(-1, index.Find(12345));
    }

    [Fact]
    public void Keys_with_the_same_home_slot_each_keep_their_own_contact()
    {
        var index = new DedupeIndex();
        var first = index.AddContact(1, ContactFieldSet.Email);
        var second = index.AddContact(2, ContactFieldSet.LinkedInUrl);

        // Equal high bits: both start at the same slot in any table, the second probes on.
        index.TryAdd(0x5_0000_0001, first);
        index.TryAdd(0x5_0000_0002, second);

        Assert.Equal(first, index.Find(0x5_0000_0001));
        Assert.Equal(second, index.Find(0x5_0000_0002));
        Assert.Equal(-1, index.Find(0x5_0000_0003));
    }

    [Fact]
    public void Probing_past_the_last_slot_goes_on_from_the_first()
    {
        var index = new DedupeIndex(expectedKeys: 1000); // a table that is not a power of two long
        var ordinals = Enumerable.Range(0, 3).Select(i => index.AddContact((UInt128)i, ContactFieldSet.Email)).ToArray();

        // All-ones high bits start at the last slot; the second and third key wrap around to the first slots.
        for (var i = 0; i < 3; i++)
        {
            index.TryAdd(0xFFFF_FFFF_0000_0001UL + (ulong)i, ordinals[i]);
        }

        Assert.Equal(ordinals, Enumerable.Range(0, 3).Select(i => index.Find(0xFFFF_FFFF_0000_0001UL + (ulong)i)));
        Assert.Equal(-1, index.Find(0xFFFF_FFFF_0000_0009UL));
    }

    [Fact]
    public void A_key_already_held_keeps_the_contact_it_was_first_given()
    {
        var index = new DedupeIndex();
        var first = index.AddContact(1, ContactFieldSet.Email);
        var second = index.AddContact(2, ContactFieldSet.Email);

        index.TryAdd(42, first);
        index.TryAdd(42, second);

        Assert.Equal(first, index.Find(42));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Hash_zero_is_a_key_like_any_other_though_zero_marks_an_empty_slot()
    {
        var index = new DedupeIndex();
        Assert.Equal(-1, index.Find(0));

        var ordinal = index.AddContact(9, ContactFieldSet.None);
        index.TryAdd(0, ordinal);

        Assert.Equal(ordinal, index.Find(0));
    }

    [Fact]
    public void Fields_and_batch_place_are_kept_per_contact()
    {
        var index = new DedupeIndex();
        var ordinal = index.AddContact(5, ContactFieldSet.Email);

        index.FieldsOf(ordinal) |= ContactFieldSet.Company;
        Assert.Equal(-1, index.PendingSlotOf(ordinal));
        index.SetPendingSlot(ordinal, 3);

        Assert.Equal(ContactFieldSet.Email | ContactFieldSet.Company, index.FieldsOf(ordinal));
        Assert.Equal(3, index.PendingSlotOf(ordinal));
    }
}
