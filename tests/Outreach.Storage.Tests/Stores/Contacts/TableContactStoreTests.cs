using Outreach.Core.Contacts;
using Outreach.Core.Imports;
using Outreach.Storage.Stores.Contacts;
using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests.Stores.Contacts;

/// <summary>The table contact store under the real import core, on Azurite.</summary>
[Collection(AzuriteGroup.Name)]
public sealed partial class TableContactStoreTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(null)] // the default: the owner's contacts read at once
    [InlineData(0)] // each batch's keys looked up
    public async Task Importing_the_class_visit_sample_twice_leaves_every_row_unchanged_the_second_time(int? maxContactsReadAtOnce)
    {
        var store = await NewStoreAsync();
        var first = await ImportSampleAsync(store, maxContactsReadAtOnce);
        var stored = await store.ListAsync("owner-1", CancellationToken.None);

        var second = await ImportSampleAsync(store, maxContactsReadAtOnce);

        Assert.True(first.Accepted > 0);
        Assert.Equal(first.Accepted, stored.Count);
        Assert.Equal(0, second.Accepted);
        Assert.Equal(first.Accepted + first.Merged, second.Unchanged);
        Assert.Equal(stored, await store.ListAsync("owner-1", CancellationToken.None), ContactComparer);
    }

    [Fact]
    public async Task An_owner_has_contacts_once_one_is_written_and_another_owner_sharing_a_prefix_does_not()
    {
        var store = await NewStoreAsync();
        var before = await store.HasContactsAsync("owner-7", CancellationToken.None);
        await store.WriteAsync("owner-7", [new Contact { OwnerId = "owner-7", ContactId = "a", FirstName = "Ann", Email = "ann@example.org" }], CancellationToken.None);

        Assert.False(before);
        Assert.True(await store.HasContactsAsync("owner-7", CancellationToken.None));
        Assert.False(await store.HasContactsAsync("owner-70", CancellationToken.None));
        Assert.False(await store.HasContactsAsync("owner-", CancellationToken.None));
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

    [Fact]
    public async Task A_batch_of_100_new_contacts_is_written_with_every_key_claimed_and_indexed_by_address()
    {
        var store = await NewStoreAsync();
        var batch = Enumerable.Range(0, 100).Select(i => Person("o", $"c{i:D3}", i)).ToArray();

        await store.WriteAsync("o", batch, CancellationToken.None);

        Assert.Equal(batch, await store.ListAsync("o", CancellationToken.None), ContactComparer);
        var keys = batch.SelectMany(ContactKeys.Of).ToArray();
        var found = await store.FindAsync("o", keys, CancellationToken.None);
        Assert.Equal(300, keys.Length);
        Assert.Equal(300, found.Count);
        Assert.All(batch, contact => Assert.All(ContactKeys.Of(contact), key => Assert.Equal(contact.ContactId, found[key].ContactId)));
        Assert.Equal([("o", "c042")], await _emailIndex!.FindAsync("person42@example.org", CancellationToken.None));
    }

    [Fact]
    public async Task Keys_already_claimed_by_another_contact_stay_with_it_and_the_rest_of_the_batch_is_written()
    {
        var store = await NewStoreAsync();
        var claimer = new Contact { OwnerId = "o", ContactId = "first", Email = "person5@example.org" };
        await store.WriteAsync("o", [claimer], CancellationToken.None);
        var batch = Enumerable.Range(0, 10).Select(i => Person("o", $"c{i:D3}", i)).ToArray();

        await store.WriteAsync("o", batch, CancellationToken.None);

        Assert.Equal([.. batch, claimer], await store.ListAsync("o", CancellationToken.None), ContactComparer);
        var found = await store.FindAsync("o", [.. batch.SelectMany(ContactKeys.Of)], CancellationToken.None);
        Assert.Equal(30, found.Count);
        Assert.Equal("first", found[new ContactKey(ContactKeyKind.Email, "person5@example.org")].ContactId);
        Assert.Equal("c005", found[ContactKeys.Of(batch[5])[1]].ContactId);
        Assert.Equal("c005", found[ContactKeys.Of(batch[5])[2]].ContactId);
        Assert.All(batch.Where(c => c.ContactId != "c005"), contact => Assert.All(ContactKeys.Of(contact), key => Assert.Equal(contact.ContactId, found[key].ContactId)));
        Assert.Equal([("o", "c005"), ("o", "first")], await _emailIndex!.FindAsync("person5@example.org", CancellationToken.None));
    }

    [Fact]
    public async Task Two_contacts_of_one_batch_with_a_shared_key_leave_it_to_the_earlier_one()
    {
        var store = await NewStoreAsync();
        var earlier = new Contact { OwnerId = "o", ContactId = "b", Email = "shared@example.org" };
        var later = new Contact { OwnerId = "o", ContactId = "a", Email = "shared@example.org", LinkedInUrl = "https://www.linkedin.com/in/a" };

        await store.WriteAsync("o", [earlier, later], CancellationToken.None);

        var found = await store.FindAsync("o", [.. ContactKeys.Of(later)], CancellationToken.None);
        Assert.Equal("b", found[ContactKeys.Of(later)[0]].ContactId);
        Assert.Equal("a", found[ContactKeys.Of(later)[1]].ContactId);
    }

    [Fact]
    public async Task The_same_contact_id_twice_in_one_batch_is_merged_in_order_into_the_stored_one()
    {
        var store = await NewStoreAsync();
        var stored = new Contact { OwnerId = "o", ContactId = "a", FirstName = "Ann", Tags = ["x"] };
        var once = new Contact { OwnerId = "o", ContactId = "a", Email = "ann@example.org", Tags = ["y"] };
        var twice = new Contact { OwnerId = "o", ContactId = "a", Company = "Acme", LinkedInUrl = "https://www.linkedin.com/in/ann", Tags = ["z"] };
        await store.WriteAsync("o", [stored], CancellationToken.None);

        await store.WriteAsync("o", [once, twice], CancellationToken.None);

        var expected = ContactMerger.Merge(ContactMerger.Merge(stored, once), twice);
        Assert.Equal(expected, Assert.Single(await store.ListAsync("o", CancellationToken.None)), ContactComparer);
        Assert.Equal(["x", "y", "z"], expected.Tags);
        var found = await store.FindAsync("o", ContactKeys.Of(expected), CancellationToken.None);
        Assert.Equal(3, ContactKeys.Of(expected).Length);
        Assert.All(ContactKeys.Of(expected), key => Assert.Equal("a", found[key].ContactId));
    }

    [Fact]
    public async Task Finding_duplicate_keys_and_several_keys_of_one_contact_reads_each_key_and_contact_once()
    {
        var (store, contactRequests, keyRequests) = await NewRecordedStoreAsync();
        var ann = new Contact { OwnerId = "o", ContactId = "ann", Email = "ann@example.org", LinkedInUrl = "https://www.linkedin.com/in/ann" };
        var bob = new Contact { OwnerId = "o", ContactId = "bob", Email = "bob@example.org" };
        await store.WriteAsync("o", [ann, bob], CancellationToken.None);
        var annEmail = new ContactKey(ContactKeyKind.Email, "ann@example.org");
        var annLinkedIn = new ContactKey(ContactKeyKind.LinkedIn, "https://www.linkedin.com/in/ann");
        var bobEmail = new ContactKey(ContactKeyKind.Email, "bob@example.org");
        var nobody = new ContactKey(ContactKeyKind.Email, "nobody@example.org");
        var contactReadsBefore = contactRequests.Requests.Count;
        var keyReadsBefore = keyRequests.Requests.Count;

        var found = await store.FindAsync("o", [annEmail, bobEmail, annEmail, annLinkedIn, nobody, bobEmail], CancellationToken.None);

        Assert.Equal(
            [(annEmail, "ann"), (bobEmail, "bob"), (annLinkedIn, "ann")],
            found.Select(pair => (pair.Key, pair.Value.ContactId)).OrderBy(pair => pair.Key.ToString(), StringComparer.Ordinal));
        Assert.Equal(ann, found[annLinkedIn], ContactComparer);
        Assert.Equal(4, keyRequests.Requests.Count - keyReadsBefore);
        Assert.Equal(2, contactRequests.Requests.Count - contactReadsBefore);
    }

    [Fact]
    public async Task Writing_100_new_contacts_takes_one_transaction_for_the_contacts_and_three_for_their_keys()
    {
        var (store, contactRequests, keyRequests) = await NewRecordedStoreAsync();
        var batch = Enumerable.Range(0, 100).Select(i => Person("o", $"c{i:D3}", i)).ToArray();

        await store.WriteAsync("o", batch, CancellationToken.None);

        Assert.Equal(["POST "], contactRequests.Requests);
        Assert.Equal(["POST ", "POST ", "POST "], keyRequests.Requests);
    }

    [Fact]
    public async Task A_batch_with_one_stored_contact_reads_only_that_one_and_retries_the_transaction_with_it_merged()
    {
        var (store, contactRequests, _) = await NewRecordedStoreAsync();
        var stored = new Contact { OwnerId = "o", ContactId = "a", FirstName = "Ann", Tags = ["x"] };
        await store.WriteAsync("o", [stored], CancellationToken.None);
        var changed = new Contact { OwnerId = "o", ContactId = "a", Company = "Acme", Tags = ["y"] };
        var created = new Contact { OwnerId = "o", ContactId = "b", FirstName = "Bob" };
        var before = contactRequests.Requests.Count;

        await store.WriteAsync("o", [created, changed], CancellationToken.None);

        // The insert-all transaction (refused: "a" is stored), a read of "a", the transaction again with "a" upserted.
        Assert.Equal(["POST ", "GET ", "POST "], contactRequests.Requests.Skip(before));
        Assert.Equal([ContactMerger.Merge(stored, changed), created], await store.ListAsync("o", CancellationToken.None), ContactComparer);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_batch_with_many_stored_contacts_reads_them_after_two_refused_inserts_or_first_when_told(bool told)
    {
        var (store, contactRequests, _) = await NewRecordedStoreAsync();
        var stored = Enumerable.Range(0, 3).Select(i => new Contact { OwnerId = "o", ContactId = $"s{i}", FirstName = $"Stored{i}", Tags = ["old"] }).ToArray();
        await store.WriteAsync("o", stored, CancellationToken.None);
        var changes = stored.Select(c => new Contact { OwnerId = "o", ContactId = c.ContactId, Company = "Acme", Tags = ["new"] }).ToArray();
        var created = new[] { new Contact { OwnerId = "o", ContactId = "n0", FirstName = "New0" }, new Contact { OwnerId = "o", ContactId = "n1", FirstName = "New1" } };
        Contact[] batch = [created[0], changes[0], changes[1], created[1], changes[2]];
        var before = contactRequests.Requests.Count;

        await (told
            ? store.WriteAsync("o", batch, [false, true, true, false, true], [], CancellationToken.None)
            : store.WriteAsync("o", batch, CancellationToken.None));

        // Not told: two refused inserts each find one stored contact, the third refusal reads the three others at once.
        // Told: the three believed stored are read at once, then one transaction with no refused insert.
        Assert.Equal(
            told ? ["GET ", "GET ", "GET ", "POST "] : ["POST ", "GET ", "POST ", "GET ", "POST ", "GET ", "GET ", "GET ", "POST "],
            contactRequests.Requests.Skip(before));
        Assert.Equal(
            [created[0], created[1], .. stored.Zip(changes, ContactMerger.Merge)],
            await store.ListAsync("o", CancellationToken.None), ContactComparer);
    }

    [Fact]
    public async Task A_contact_believed_stored_but_erased_meanwhile_is_not_written_again_and_one_stored_unbelieved_is_merged()
    {
        var (store, contactRequests, _) = await NewRecordedStoreAsync();
        var stored = new Contact { OwnerId = "o", ContactId = "s", FirstName = "Stored", Tags = ["old"] };
        var erased = new Contact { OwnerId = "o", ContactId = "e", FirstName = "Erased", Email = "erased@example.org", Notes = "private" };
        await store.WriteAsync("o", [stored, erased], CancellationToken.None);
        Assert.True(await store.DeleteAsync("o", "e", CancellationToken.None));
        var change = new Contact { OwnerId = "o", ContactId = "s", Company = "Acme", Tags = ["new"] };
        var before = contactRequests.Requests.Count;

        // An import read "e" before its erasure and merged a row into it; "s" is stored but not believed to be.
        await store.WriteAsync("o", [erased with { Company = "Acme" }, change], [true, false], [], CancellationToken.None);

        Assert.Equal(["GET ", "POST ", "GET ", "POST "], contactRequests.Requests.Skip(before));
        Assert.Equal([ContactMerger.Merge(stored, change)], await store.ListAsync("o", CancellationToken.None), ContactComparer);
        Assert.Empty(await store.FindAsync("o", ContactKeys.Of(erased), CancellationToken.None));
    }

    [Fact]
    public async Task A_key_transaction_that_meets_a_claimed_key_falls_back_to_one_insert_per_key_of_that_transaction()
    {
        var (store, _, keyRequests) = await NewRecordedStoreAsync();
        await store.WriteAsync("o", [new Contact { OwnerId = "o", ContactId = "first", Email = "person5@example.org" }], CancellationToken.None);
        var before = keyRequests.Requests.Count;

        await store.WriteAsync("o", [.. Enumerable.Range(0, 10).Select(i => Person("o", $"c{i:D3}", i))], CancellationToken.None);

        // One rolled-back transaction of the 30 keys, then the 30 one by one (one of them refused).
        Assert.Equal(31, keyRequests.Requests.Count - before);
    }

    /// <summary>A contact with all three keys: email, LinkedIn URL, name + company.</summary>
    private static Contact Person(string ownerId, string contactId, int i) => new()
    {
        OwnerId = ownerId,
        ContactId = contactId,
        FirstName = "Person",
        LastName = $"Number{i}",
        Company = "Acme",
        Email = $"person{i}@example.org",
        LinkedInUrl = $"https://www.linkedin.com/in/person-{i}",
    };
    [Fact]
    public async Task Notes_appended_import_after_import_past_the_64_KiB_property_limit_are_kept_whole()
    {
        var store = await NewStoreAsync();
        // Ten imports of one contact, each with another 4,000-character note (the longest a cell may be).
        var notes = Enumerable.Range(0, 10).Select(i => i + ": " + new string((char)('a' + i), 3_995) + "\U0001F600").ToArray();
        foreach (var note in notes)
        {
            await store.WriteAsync("owner-n", [new Contact { OwnerId = "owner-n", ContactId = "ada", FirstName = "Ada", Email = "ada@example.org", Notes = note }], CancellationToken.None);
        }

        var stored = await store.GetAsync("owner-n", "ada", CancellationToken.None);

        Assert.Equal(notes, stored!.Notes!.Split(ContactMerger.NoteSeparator));
        Assert.True(stored.Notes.Length > 32_768);

        // An emoji (a surrogate pair) across the 30,000-character boundary between two stored parts stays whole.
        var across = new string('a', 29_999) + "\U0001F600" + new string('b', 40_000);
        await store.WriteAsync("owner-n", [new Contact { OwnerId = "owner-n", ContactId = "bob", FirstName = "Bob", Offer = across }], CancellationToken.None);
        Assert.Equal(across, (await store.GetAsync("owner-n", "bob", CancellationToken.None))!.Offer);

        // Erased and imported again with a short note: nothing of the long one comes back.
        await store.DeleteAsync("owner-n", "ada", CancellationToken.None);
        await store.WriteAsync("owner-n", [new Contact { OwnerId = "owner-n", ContactId = "ada", FirstName = "Ada", Email = "ada@example.org", Notes = "short" }], CancellationToken.None);
        Assert.Equal("short", (await store.GetAsync("owner-n", "ada", CancellationToken.None))!.Notes);
    }

    [Fact]
    public async Task A_contact_at_every_limit_in_the_script_json_escapes_most_fits_the_services_row_and_property_sizes_and_comes_back_whole()
    {
        var store = await NewStoreAsync();
        const string Emoji = "\U0001F600"; // written in JSON as two \u escapes: twelve characters for two
        var name = string.Concat(Enumerable.Repeat(Emoji, RowLimits.Name / 2));
        var tag = string.Concat(Enumerable.Repeat(Emoji, (RowLimits.Tags - 4) / 2));
        var contact = new Contact
        {
            OwnerId = "owner-max",
            ContactId = "c-max",
            FirstName = name,
            LastName = name,
            Email = new string('e', RowLimits.Email - 12) + "@example.org",
            LinkedInUrl = "https://www.linkedin.com/in/" + new string('h', 100),
            Company = name,
            Position = name,
            ConnectedOn = new DateOnly(2024, 3, 15),
            Notes = string.Concat(Enumerable.Repeat("Обсудили стажировку. ", ContactLimits.Notes))[..ContactLimits.Notes],
            Offer = string.Concat(Enumerable.Repeat("Пришлю заметки. ", ContactLimits.Offer))[..ContactLimits.Offer],
            Events = [.. Enumerable.Range(0, ContactLimits.Events).Select(d => new EventMet(name, new DateOnly(2020, 1, 1).AddDays(d)))],
            Tags = [.. Enumerable.Range(0, ContactLimits.TagCharacters / (tag.Length + 5)).Select(i => tag + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))],
            Source = new ContactSource("imp-1", "visit.csv", 7),
        };
        Assert.InRange(ContactLimits.TagLength(contact.Tags), ContactLimits.TagCharacters * 9 / 10, ContactLimits.TagCharacters);

        // The service's own measure of a row (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model):
        // 4 bytes, the keys as UTF-16, and per property 8 bytes, its name as UTF-16 and its value (a string: 4 bytes and UTF-16).
        var entity = ContactEntity.From(contact);
        var properties = entity.Select(p => (p.Key, Value: Assert.IsType<string>(p.Value))).ToList();
        var size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2) + properties.Sum(p => 8 + (p.Key.Length * 2) + 4 + (p.Value.Length * 2));
        Assert.InRange(size, 0, 1024 * 1024 - 1);
        Assert.All(properties, p => Assert.InRange(p.Value.Length * 2, 0, 64 * 1024));
        Assert.InRange(properties.Count, 0, 252);

        // Letters of other scripts are stored as they are, not as six-character escapes.
        Assert.Equal("[\"東京\",\"Встреча\"]", ContactEntity.From(contact with { Tags = ["東京", "Встреча"] })["Tags"]);

        await store.WriteAsync("owner-max", [contact], CancellationToken.None);

        Assert.Equal(contact, await store.GetAsync("owner-max", "c-max", CancellationToken.None), ContactComparer);
    }

    [Fact]
    public async Task A_full_batch_of_long_notes_in_cyrillic_is_written_whole_though_it_is_over_a_transactions_4_MiB()
    {
        var store = await NewStoreAsync();

        // A hundred rows (one batch) with notes and offer at the longest a cell may be, in Russian: 8,000 characters
        // a contact, written \u-escaped by a strict JSON writer, six bytes each, would make a 4.8 MB transaction.
        var note = string.Concat(Enumerable.Repeat("Обсудили стажировку в отделе аналитики. ", 100))[..RowLimits.Notes];
        var contacts = Enumerable.Range(0, 100).Select(i => new Contact
        {
            OwnerId = "owner-ru",
            ContactId = $"c{i:D3}",
            FirstName = "Анна",
            LastName = $"Иванова {i}",
            Email = $"anna{i}@example.ru",
            Notes = note,
            Offer = note,
        }).ToList();

        await store.WriteAsync("owner-ru", contacts, CancellationToken.None);

        var stored = await store.ListAsync("owner-ru", CancellationToken.None);
        Assert.Equal(100, stored.Count);
        Assert.All(stored, c => Assert.Equal((note, note), (c.Notes, c.Offer)));
    }

    private static readonly EqualityComparer<Contact?> ContactComparer = EqualityComparer<Contact?>.Create(
        (a, b) => System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b),
        c => 0);

    private Outreach.Storage.Stores.Outcomes.TableContactEmailIndex? _emailIndex;

    private async Task<TableContactStore> NewStoreAsync()
    {
        _emailIndex = new Outreach.Storage.Stores.Outcomes.TableContactEmailIndex(await StoreTables.NewAsync(azurite, "contactemails"));
        return new(await StoreTables.NewAsync(azurite, "contacts"), await StoreTables.NewAsync(azurite, "contactkeys"), _emailIndex);
    }

    /// <summary>A store whose contact and key tables each record the requests made to them (after creation).</summary>
    private async Task<(TableContactStore Store, RequestRecorder ContactRequests, RequestRecorder KeyRequests)> NewRecordedStoreAsync()
    {
        var contacts = await StoreTables.NewAsync(azurite, "contacts");
        var keys = await StoreTables.NewAsync(azurite, "contactkeys");
        var (contactRequests, keyRequests) = (new RequestRecorder(), new RequestRecorder());
        var store = new TableContactStore(Recorded(contacts.Name, contactRequests), Recorded(keys.Name, keyRequests),
            new Outreach.Storage.Stores.Outcomes.TableContactEmailIndex(await StoreTables.NewAsync(azurite, "contactemails")));
        return (store, contactRequests, keyRequests);
    }

    private Outreach.Storage.Tables.TableClient Recorded(string tableName, RequestRecorder recorder)
    {
        var options = TestAccounts.FastRetries();
        options.AddPolicy(recorder, Azure.Core.HttpPipelinePosition.PerCall);
        return TestAccounts.For(azurite, options).GetTable(tableName);
    }

    private static async Task<ImportReport> ImportSampleAsync(TableContactStore store, int? maxContactsReadAtOnce)
    {
        await using var file = File.OpenRead(Path.Combine(RepositoryRoot.Path, "samples", "class-visit.csv"));
        var options = new ImportOptions { OwnerId = "owner-1", ImportId = $"imp-{Guid.NewGuid():N}", FileName = "class-visit.csv" }; // each import its own id: the same id again is a retry
        options = maxContactsReadAtOnce is { } limit ? options with { MaxContactsReadAtOnce = limit } : options;
        return await new ContactImporter(store, store).ImportAsync(file, options, null, CancellationToken.None);
    }
}
