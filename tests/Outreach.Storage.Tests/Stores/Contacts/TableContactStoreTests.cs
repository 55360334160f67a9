using Outreach.Core.Contacts;
using Outreach.Core.Imports;
using Outreach.Storage.Stores.Contacts;
using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests.Stores.Contacts;

/// <summary>The table contact store under the real import core, on Azurite.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class TableContactStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Importing_the_class_visit_sample_twice_leaves_every_row_unchanged_the_second_time()
    {
        var store = await NewStoreAsync();
        var first = await ImportSampleAsync(store);
        var stored = await store.ListAsync("owner-1", CancellationToken.None);

        var second = await ImportSampleAsync(store);

        Assert.True(first.Accepted > 0);
        Assert.Equal(first.Accepted, stored.Count);
        Assert.Equal(0, second.Accepted);
        Assert.Equal(first.Accepted + first.Merged, second.Unchanged);
        Assert.Equal(stored, await store.ListAsync("owner-1", CancellationToken.None), ContactComparer);
    }

    [Fact]
    public async Task A_contact_is_found_by_each_of_its_keys_including_keys_with_slashes_and_bars()
    {
        var store = await NewStoreAsync();
        var contact = new Contact
        {
            OwnerId = "owner/2",
            ContactId = "c|1",
            FirstName = "Zoë",
            LastName = "Ångström",
            Email = "Zoe@Example.org",
            LinkedInUrl = "https://www.linkedin.com/in/zoe-a",
            Company = "Acme",
            Events = [new EventMet("Career fair", new DateOnly(2026, 10, 1))],
            Tags = ["alumni", "東京"],
            Source = new ContactSource("imp-1", "visit.csv", 7),
        };
        await store.WriteAsync("owner/2", [contact], CancellationToken.None);

        var keys = ContactKeys.Of(contact);
        var found = await store.FindAsync("owner/2", keys, CancellationToken.None);

        Assert.Equal(3, keys.Length);
        Assert.All(keys, key => Assert.Equal(contact, found[key], ContactComparer));
        Assert.Equal(contact, await store.GetAsync("owner/2", "c|1", CancellationToken.None), ContactComparer);
    }

    [Fact]
    public async Task Writing_a_known_contact_merges_it_with_the_stored_one_and_the_first_owner_of_a_key_keeps_it()
    {
        var store = await NewStoreAsync();
        var first = new Contact { OwnerId = "o", ContactId = "a", FirstName = "Ann", Email = "ann@example.org", Tags = ["x"] };
        var again = new Contact { OwnerId = "o", ContactId = "a", Company = "Acme", Email = "ann@example.org", Tags = ["y"] };
        var other = new Contact { OwnerId = "o", ContactId = "b", Email = "ann@example.org" };

        await store.WriteAsync("o", [first], CancellationToken.None);
        await store.WriteAsync("o", [again, other], CancellationToken.None);

        Assert.Equal(ContactMerger.Merge(first, again), await store.GetAsync("o", "a", CancellationToken.None), ContactComparer);
        var byEmail = await store.FindAsync("o", [new ContactKey(ContactKeyKind.Email, "ann@example.org")], CancellationToken.None);
        Assert.Equal("a", Assert.Single(byEmail).Value.ContactId);
    }

    private static readonly EqualityComparer<Contact?> ContactComparer = EqualityComparer<Contact?>.Create(
        (a, b) => System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b),
        c => 0);

    private async Task<TableContactStore> NewStoreAsync() =>
        new(await StoreTables.NewAsync(azurite, "contacts"), await StoreTables.NewAsync(azurite, "contactkeys"),
            new Outreach.Storage.Stores.Outcomes.TableContactEmailIndex(await StoreTables.NewAsync(azurite, "contactemails")));

    private static async Task<ImportReport> ImportSampleAsync(TableContactStore store)
    {
        await using var file = File.OpenRead(Path.Combine(RepositoryRoot.Path, "samples", "class-visit.csv"));
        var options = new ImportOptions { OwnerId = "owner-1", ImportId = "imp", FileName = "class-visit.csv" };
        return await new ContactImporter(store, store).ImportAsync(file, options, null, CancellationToken.None);
    }
}
