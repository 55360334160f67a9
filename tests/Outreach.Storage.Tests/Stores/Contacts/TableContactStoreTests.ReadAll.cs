using Outreach.Core.Contacts;
using Outreach.Storage.Stores.Contacts;

namespace Outreach.Storage.Tests.Stores.Contacts;

/// <summary>Reading an owner's contacts and key holders at once (what a large import into a known owner does).</summary>
public sealed partial class TableContactStoreTests
{
    [Fact]
    public async Task Reading_an_owner_at_once_gives_its_contacts_and_the_holder_of_each_key_as_finding_them_does()
    {
        var store = await NewStoreAsync();
        var ann = new Contact { OwnerId = "owner/2", ContactId = "c|1", FirstName = "Ann", LastName = "Ångström", Company = "Acme", Email = "ann@example.org", LinkedInUrl = "https://www.linkedin.com/in/ann" };
        var annAgain = new Contact { OwnerId = "owner/2", ContactId = "c|2", FirstName = "Ann", LastName = "Angstrom", Company = "ACME", Email = "ann.a@example.org" };
        var neighbour = new Contact { OwnerId = "owner/20", ContactId = "n", FirstName = "Nat", Email = "nat@example.org" };
        await store.WriteAsync("owner/2", [ann, annAgain], CancellationToken.None);
        await store.WriteAsync("owner/20", [neighbour], CancellationToken.None);

        var snapshot = await store.TryReadAllAsync("owner/2", maxContacts: 2, CancellationToken.None);

        Assert.NotNull(snapshot);
        Assert.Equal(await store.ListAsync("owner/2", CancellationToken.None), snapshot.Contacts.OrderBy(c => c.ContactId, StringComparer.Ordinal), ContactComparer);
        // Both Anns fold to one name + company key, which the first keeps: four keys, not five.
        var keys = ContactKeys.Of(ann).Concat(ContactKeys.Of(annAgain)).Distinct().ToArray();
        Assert.Equal(4, keys.Length);
        var found = await store.FindAsync("owner/2", keys, CancellationToken.None);
        Assert.Equal(
            keys.Select(key => (key, found[key].ContactId)).OrderBy(pair => pair.key.ToString(), StringComparer.Ordinal),
            snapshot.KeyHolders.Select(pair => (pair.Key, pair.Value)).OrderBy(pair => pair.Key.ToString(), StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_owner_with_more_contacts_than_asked_for_is_not_read_and_costs_one_small_request()
    {
        var (store, contactRequests, keyRequests) = await NewRecordedStoreAsync();
        await store.WriteAsync("o", [.. Enumerable.Range(0, 3).Select(i => Person("o", $"c{i}", i))], CancellationToken.None);
        var (contactsBefore, keysBefore) = (contactRequests.Requests.Count, keyRequests.Requests.Count);

        var snapshot = await store.TryReadAllAsync("o", maxContacts: 2, CancellationToken.None);

        Assert.Null(snapshot);
        var request = Assert.Single(contactRequests.Requests.Skip(contactsBefore));
        Assert.Contains("top=3", request, StringComparison.Ordinal);
        Assert.Equal(keysBefore, keyRequests.Requests.Count);
    }

    [Fact]
    public async Task Listing_an_owner_at_once_reads_only_their_contacts_and_none_past_the_limit()
    {
        var (store, contactRequests, keyRequests) = await NewRecordedStoreAsync();
        await store.WriteAsync("o", [.. Enumerable.Range(0, 3).Select(i => Person("o", $"c{i}", i))], CancellationToken.None);
        await store.WriteAsync("o2", [Person("o2", "n", 9)], CancellationToken.None);
        var (contactsBefore, keysBefore) = (contactRequests.Requests.Count, keyRequests.Requests.Count);

        var all = await store.TryListAsync("o", maxContacts: 3, CancellationToken.None);
        var tooMany = await store.TryListAsync("o", maxContacts: 2, CancellationToken.None);

        Assert.Equal(["c0", "c1", "c2"], all!.Select(c => c.ContactId).Order(StringComparer.Ordinal));
        Assert.Null(tooMany);
        Assert.Equal((2, keysBefore), (contactRequests.Requests.Count - contactsBefore, keyRequests.Requests.Count)); // no key rows read
    }

    [Fact]
    public async Task An_owner_of_more_than_a_page_is_read_page_by_page_unless_one_contact_too_many()
    {
        var (store, contactRequests, keyRequests) = await NewRecordedStoreAsync();
        var people = Enumerable.Range(0, 1005)
            .Select(i => new Contact { OwnerId = "o", ContactId = $"c{i:D4}", FirstName = $"Person {i}", LinkedInUrl = $"https://www.linkedin.com/in/person-{i}" })
            .ToArray();
        foreach (var batch in people.Chunk(100))
        {
            await store.WriteAsync("o", batch, CancellationToken.None);
        }

        var (contactsBefore, keysBefore) = (contactRequests.Requests.Count, keyRequests.Requests.Count);
        var snapshot = await store.TryReadAllAsync("o", maxContacts: 1005, CancellationToken.None);
        var (contactReads, keyReads) = (contactRequests.Requests.Count - contactsBefore, keyRequests.Requests.Count - keysBefore);
        var tooMany = await store.TryReadAllAsync("o", maxContacts: 1004, CancellationToken.None);

        Assert.NotNull(snapshot);
        Assert.Equal(people.Select(p => p.ContactId), snapshot.Contacts.Select(c => c.ContactId).Order(StringComparer.Ordinal));
        Assert.Equal(1005, snapshot.KeyHolders.Count);
        Assert.Equal("c0042", snapshot.KeyHolders[new ContactKey(ContactKeyKind.LinkedIn, "https://www.linkedin.com/in/person-42")]);
        Assert.Equal((2, 2), (contactReads, keyReads)); // 1,000 and 5 of each
        Assert.Null(tooMany);
    }

    [Fact]
    public async Task Contacts_with_more_text_than_may_be_held_are_not_read_at_once_however_few()
    {
        var (contacts, keys) = (await StoreTables.NewAsync(azurite, "contacts"), await StoreTables.NewAsync(azurite, "contactkeys"));
        var emails = new Outreach.Storage.Stores.Outcomes.TableContactEmailIndex(await StoreTables.NewAsync(azurite, "contactemails"));
        var roomy = new TableContactStore(contacts, keys, emails) { MaxCharactersReadAtOnce = 20_000 };
        var tight = new TableContactStore(contacts, keys, emails) { MaxCharactersReadAtOnce = 8_000 };
        var notes = new string('n', 3_000);
        await roomy.WriteAsync("o", [.. Enumerable.Range(0, 3).Select(i => new Contact { OwnerId = "o", ContactId = $"c{i}", FirstName = $"P{i}", Notes = notes })], CancellationToken.None);

        // Three contacts of a little over 3,000 characters each: within 20,000, past 8,000.
        Assert.Equal(3, (await roomy.TryReadAllAsync("o", maxContacts: 10, CancellationToken.None))?.Contacts.Count);
        Assert.Null(await tight.TryReadAllAsync("o", maxContacts: 10, CancellationToken.None));
    }
}
