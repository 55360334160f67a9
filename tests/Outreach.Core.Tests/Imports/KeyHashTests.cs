using System.Buffers.Binary;
using Outreach.Core.Contacts;
using Outreach.Core.Messaging.Tokens;

namespace Outreach.Core.Tests.Imports;

/// <summary>The import hashes keys without building them: the hashes and ids must be those of the keys themselves.</summary>
public sealed class KeyHashTests
{
    public static TheoryData<string?, string?, string?, string?, string?> People => new()
    {
        { "ada@example.org", "https://www.linkedin.com/in/ada", "Ada", "Lovelace", "Acme" },
        { "  ADA@Example.ORG ", null, "Ada", null, null },
        { "ÉLODIE@exemple.fr", null, "Élodie", "Dupré", "Société Générale" },
        { "ǅemal@example.org", null, null, null, null }, // a title-case letter: not "upper", so kept as is
        { null, "https://www.linkedin.com/in/jgarcia", "José", "  García ", "Acme, Inc." },
        { null, null, "Søren", "Kierkegaard-Ø", "Ørsted A/S" },
        { null, "https://www.linkedin.com/in/x", "李", "小龙", "東京 株式会社" },
        { "x@y.z", null, "!!!", "???", "Acme" }, // the name folds to nothing: no name key
        { null, null, "Ada", "Lovelace", new string('a', 2000) }, // longer than the scratch buffer
    };

    [Theory]
    [MemberData(nameof(People))]
    public void Row_key_hashes_and_the_new_id_are_those_of_the_keys_the_contact_has(string? email, string? linkedIn, string? first, string? last, string? company)
    {
        var ids = ContactIdFactory.For("student-1");
        Span<ulong> hashes = stackalloc ulong[3];

        var count = ContactKeys.HashesOf(email, linkedIn, first, last, company, ids, new char[64], hashes, out var newId, out _);

        var keys = ContactKeys.Of(email, linkedIn, first, last, company);
        Assert.Equal(keys.Select(k => ids.KeyHash(k.Kind, k.Value)), hashes[..count].ToArray());
        Assert.Equal(ContactIdFactory.CreateValue("student-1", keys[0]), newId);
        Assert.Equal(ContactIdFactory.KeyHashOf(newId), hashes[0]);
    }

    [Theory]
    [MemberData(nameof(People))]
    public void The_name_hash_of_a_row_is_that_of_its_contacts_name_folded_as_keys_are(string? email, string? linkedIn, string? first, string? last, string? company)
    {
        Span<ulong> hashes = stackalloc ulong[3];

        ContactKeys.HashesOf(email, linkedIn, first, last, company, ContactIdFactory.For("student-1"), new char[64], hashes, out _, out var nameHash);

        // The row's hash (from the name + company key's folding, or alone without a company) is the one a stored contact's
        // name gives, and one of case, accents and spacing apart gives the same.
        Assert.Equal(ContactKeys.PersonNameHash(first, last), nameHash);
        Assert.Equal(nameHash, ContactKeys.PersonNameHash(first?.ToUpperInvariant(), last is null ? null : $"  {last}  "));
    }

    [Fact]
    public void Different_names_hash_apart_and_no_name_hashes_to_zero()
    {
        Assert.NotEqual(ContactKeys.PersonNameHash("Katherine", "Johnson"), ContactKeys.PersonNameHash("Mary", "Jackson"));
        Assert.Equal(ContactKeys.PersonNameHash("Élodie", "Dupré"), ContactKeys.PersonNameHash("elodie", "DUPRE"));
        Assert.Equal(0UL, ContactKeys.PersonNameHash(null, " "));
        Assert.Equal(0UL, ContactKeys.PersonNameHash("!!!", "???"));
    }

    [Theory]
    [MemberData(nameof(People))]
    public void A_key_claimed_by_kind_is_the_key_the_contact_has_at_that_place(string? email, string? linkedIn, string? first, string? last, string? company)
    {
        var contact = new Contact { OwnerId = "student-1", ContactId = "c", Email = email, LinkedInUrl = linkedIn, FirstName = first, LastName = last, Company = company };
        var keys = ContactKeys.Of(contact);

        var claimed = keys.Select((_, i) => new ContactKeyClaim("other", contact, ContactKeys.KindOf(contact, i)).Key);

        Assert.Equal(keys, claimed);
        Assert.Equal(
            keys.Select(key => new ContactKeyClaim("other", key)),
            keys.Select((_, i) => new ContactKeyClaim("other", contact, ContactKeys.KindOf(contact, i))));
        var pastTheLast = Record.Exception(() => new ContactKeyClaim("other", contact, ContactKeys.KindOf(contact, keys.Length)).Key);
        Assert.True(pastTheLast is ArgumentOutOfRangeException or InvalidOperationException, $"claiming past the last key gave {pastTheLast}");
    }

    [Fact]
    public void Hashing_into_two_states_at_once_gives_what_hashing_into_each_gives()
    {
        var random = new Random(11);
        for (var length = 0; length < 70; length++)
        {
            var text = new string([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x20, 0x3000))]);
            var (first, second) = (random.NextInt64(), random.NextInt64());

            var both = StableHash.Append((ulong)first, (ulong)second, text);

            Assert.Equal((StableHash.Append((ulong)first, text), StableHash.Append((ulong)second, text)), both);
        }
    }

    [Fact]
    public void Ids_are_base32_of_their_sixteen_big_endian_bytes()
    {
        var random = new Random(7);
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < 1000; i++)
        {
            random.NextBytes(bytes);
            var value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
            Assert.Equal(Base32.Encode(bytes), ContactIdFactory.Format(value));
        }
    }
}
