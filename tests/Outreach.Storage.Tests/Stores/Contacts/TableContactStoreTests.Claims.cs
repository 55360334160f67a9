using System.Text;
using Outreach.Core.Contacts;
using Outreach.Core.Imports;
using Outreach.Storage.Stores.Contacts;
using Outreach.Testing.Files;

namespace Outreach.Storage.Tests.Stores.Contacts;

/// <summary>Keys an import claims for contacts (<see cref="ContactKeyClaim"/>): held, found, read at once and erased like a contact's own.</summary>
public sealed partial class TableContactStoreTests
{
    [Fact]
    public async Task An_import_claims_exactly_the_keys_it_names_the_first_claimer_keeping_each_and_none_for_a_contact_erased_meanwhile()
    {
        var store = await NewStoreAsync();
        var ada = new Contact { OwnerId = "o", ContactId = "ada", FirstName = "Ada", Email = "ada@example.org", LinkedInUrl = "https://www.linkedin.com/in/ada" };
        var grace = new Contact { OwnerId = "o", ContactId = "grace", FirstName = "Grace", LinkedInUrl = "https://www.linkedin.com/in/grace" };
        var second = new ContactKey(ContactKeyKind.Email, "ada.second@example.net");
        var graceUrl = new ContactKey(ContactKeyKind.LinkedIn, "https://www.linkedin.com/in/grace");
        var goneKey = new ContactKey(ContactKeyKind.Email, "gone@example.org");

        await store.WriteAsync(
            "o",
            [ada, grace, new Contact { OwnerId = "o", ContactId = "gone", FirstName = "Erased" }],
            [false, false, true],
            [
                new ContactKeyClaim("ada", new ContactKey(ContactKeyKind.Email, "ada@example.org")),
                new ContactKeyClaim("ada", second),
                new ContactKeyClaim("ada", graceUrl), // Ada claims Grace's URL first: she keeps it
                new ContactKeyClaim("grace", graceUrl),
                new ContactKeyClaim("grace", second), // Ada claimed it first
                new ContactKeyClaim("gone", goneKey),
            ],
            CancellationToken.None);

        var found = await store.FindAsync("o", [second, graceUrl, goneKey, new ContactKey(ContactKeyKind.LinkedIn, "https://www.linkedin.com/in/ada")], CancellationToken.None);
        Assert.Equal("ada", found[second].ContactId);
        Assert.Equal("ada", found[graceUrl].ContactId);
        Assert.Equal(2, found.Count); // none for the erased contact, and Ada's own URL was not among the claims
        var snapshot = await store.TryReadAllAsync("o", maxContacts: 10, CancellationToken.None);
        Assert.Equal("ada", snapshot!.KeyHolders[second]);

        // A reply from the second address finds Ada by her sender, as one from her own address does.
        Assert.Equal([("o", "ada")], await _emailIndex!.FindAsync("ada.second@example.net", CancellationToken.None));
        Assert.Equal([("o", "ada")], await _emailIndex.FindAsync("ada@example.org", CancellationToken.None));
        Assert.Empty(await _emailIndex.FindAsync("gone@example.org", CancellationToken.None));
    }

    [Fact]
    public async Task Erasing_a_contact_deletes_the_keys_claimed_for_it_beside_its_own()
    {
        var store = await NewStoreAsync();
        var ada = new Contact { OwnerId = "o", ContactId = "ada", FirstName = "Ada", Email = "ada@example.org" };
        var bob = new Contact { OwnerId = "o", ContactId = "bob", FirstName = "Bob", Email = "bob@example.org" };
        var own = new ContactKey(ContactKeyKind.Email, "ada@example.org");
        var second = new ContactKey(ContactKeyKind.Email, "ada.second@example.net");
        var bobs = new ContactKey(ContactKeyKind.Email, "bob@example.org");
        await store.WriteAsync("o", [ada, bob], [false, false], [new("ada", own), new("ada", second), new("bob", bobs)], CancellationToken.None);

        Assert.True(await store.DeleteAsync("o", "ada", CancellationToken.None));

        var found = await store.FindAsync("o", [own, second, bobs], CancellationToken.None);
        Assert.Equal([bobs], found.Keys);
        var snapshot = await store.TryReadAllAsync("o", maxContacts: 10, CancellationToken.None);
        Assert.Equal([bobs], snapshot!.KeyHolders.Keys);
        Assert.Empty(await _emailIndex!.FindAsync("ada.second@example.net", CancellationToken.None));
        Assert.Empty(await _emailIndex.FindAsync("ada@example.org", CancellationToken.None));
        Assert.Equal([("o", "bob")], await _emailIndex.FindAsync("bob@example.org", CancellationToken.None));
    }

    [Fact]
    public async Task A_key_too_long_for_a_row_key_is_held_found_read_at_once_and_erased_like_any_other()
    {
        // A hundred-character Chinese handle, percent-encoded by the URL and escaped again by the row-key codec: about 1,500
        // characters, past the service's 1 KiB limit for a RowKey.
        var handle = Uri.EscapeDataString(new string('王', 100));
        var store = await NewStoreAsync();
        var wang = new Contact { OwnerId = "o", ContactId = "wang", FirstName = "王", LinkedInUrl = "https://www.linkedin.com/in/" + handle };
        var url = new ContactKey(ContactKeyKind.LinkedIn, wang.LinkedInUrl);
        var second = new ContactKey(ContactKeyKind.LinkedIn, "https://www.linkedin.com/in/" + Uri.EscapeDataString(new string('李', 100)));
        Assert.True(TableKeyCodecLength(url) > 1024);

        await store.WriteAsync("o", [wang], [false], [new("wang", url), new("wang", second)], CancellationToken.None);
        await store.WriteAsync("o", [wang with { ContactId = "other" }], [false], [new("other", url)], CancellationToken.None); // claimed already

        var found = await store.FindAsync("o", [url, second], CancellationToken.None);
        Assert.Equal(("wang", "wang"), (found[url].ContactId, found[second].ContactId));
        Assert.Equal("wang", (await store.TryReadAllAsync("o", maxContacts: 10, CancellationToken.None))!.KeyHolders[url]);
        Assert.Equal([second, url], (await store.KeysOfAsync("o", "wang", CancellationToken.None)).OrderBy(k => k.Value, StringComparer.Ordinal));

        Assert.True(await store.DeleteAsync("o", "wang", CancellationToken.None));
        Assert.Empty(await store.FindAsync("o", [url, second], CancellationToken.None));
    }

    private static int TableKeyCodecLength(ContactKey key) => key.ToString().Replace("%", "%25", StringComparison.Ordinal).Length;

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 17)]
    [InlineData(3, 100)]
    public async Task A_generated_sheet_of_people_seen_again_leaves_the_same_contacts_as_in_memory_and_importing_it_again_changes_nothing(int seed, int batchSize)
    {
        var file = Encoding.UTF8.GetBytes(GeneratedContactsFile.Generate(seed, rows: 300, people: 40));
        var store = await NewStoreAsync();
        var memory = new InMemoryContactDirectory();
        var options = new ImportOptions { OwnerId = "o", ImportId = "first", FileName = "contacts.csv", BatchSize = batchSize };

        var first = await ImportAsync(store, store, file, options);
        await ImportAsync(memory, memory, file, options);
        var stored = await store.ListAsync("o", CancellationToken.None);
        var again = await ImportAsync(store, store, file, options with { ImportId = "again" });

        Assert.Equal(memory.Contacts("o"), stored, ContactComparer);
        Assert.Equal((0, 0, first.Rejected), (again.Accepted, again.Merged, again.Rejected));
        Assert.Equal(first.Accepted + first.Merged, again.Unchanged);
        Assert.Equal(stored, await store.ListAsync("o", CancellationToken.None), ContactComparer);
    }

    private static async Task<ImportReport> ImportAsync(IContactDirectory directory, IContactSink sink, byte[] file, ImportOptions options)
    {
        using var stream = new MemoryStream(file);
        return await new ContactImporter(directory, sink).ImportAsync(stream, options, null, CancellationToken.None);
    }
}
