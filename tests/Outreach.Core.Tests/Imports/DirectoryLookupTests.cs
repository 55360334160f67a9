using System.Globalization;
using System.Text;
using Outreach.Core.Contacts;
using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

/// <summary>When the import asks storage for stored contacts, and when it need not.</summary>
public sealed class DirectoryLookupTests
{
    private const string Rows =
        "First name,Last name,Email,Company\n" +
        "Ada,Lovelace,ada@example.org,Acme\n" +
        "Grace,Hopper,grace@example.org,Navy\n" +
        "Ada,Lovelace,ADA@example.org,\n";

    [Fact]
    public async Task A_first_import_into_an_owner_without_contacts_looks_nothing_up_and_still_merges_within_the_file()
    {
        var directory = new CountingDirectory(new InMemoryContactDirectory());

        var report = await ImportAsync(directory);

        Assert.Equal((2L, 1L), (report.Accepted, report.Merged));
        Assert.Equal((1, 0, 0), (directory.HasContactsCalls, directory.FindCalls, directory.KeysLookedUp));
    }

    [Fact]
    public async Task An_import_into_an_owner_with_contacts_looks_up_each_key_the_file_has_not_created()
    {
        var stored = new InMemoryContactDirectory();
        await stored.WriteAsync(ImportRun.Owner, [new Contact { OwnerId = ImportRun.Owner, ContactId = "c1", FirstName = "Grace", Email = "grace@example.org" }], CancellationToken.None);
        var directory = new CountingDirectory(stored);

        var report = await ImportAsync(directory, batchSize: 2, readAtOnce: 0);

        Assert.Equal((1L, 2L), (report.Accepted, report.Merged)); // Grace into the stored contact, the second Ada into the first
        Assert.Equal("Hopper", stored.Get(ImportRun.Owner, "c1")!.LastName);
        // Batch 1: Ada's and Grace's email and name keys (4). Batch 2: Ada's email key is the file's own by then; nothing is asked.
        Assert.Equal((1, 1, 4, 0), (directory.HasContactsCalls, directory.FindCalls, directory.KeysLookedUp, directory.ReadAllCalls));
    }

    [Fact]
    public async Task Importing_a_file_again_reads_the_owner_at_once_and_looks_no_key_up()
    {
        var file = ManyRows(300);
        var directory = new CountingDirectory(new InMemoryContactDirectory());
        await ImportAsync(directory, file);

        var again = await ImportAsync(directory, file);

        Assert.Equal((300L, 0L, 0L), (again.Unchanged, again.Accepted, again.Merged));
        Assert.Equal((1, 0), (directory.ReadAllCalls, directory.FindCalls));
        // About 100 bytes a row: the file is expected to hold about 150 rows, and twice that many contacts are worth reading.
        Assert.Equal(2 * (Encoding.UTF8.GetByteCount(file) / 100), directory.LastReadAllLimit);
    }

    [Fact]
    public async Task An_owner_with_more_contacts_than_worth_reading_at_once_has_the_keys_looked_up_with_the_same_result()
    {
        var file = ManyRows(300);
        var directory = new CountingDirectory(new InMemoryContactDirectory());
        await ImportAsync(directory, file);

        var again = await ImportAsync(directory, file, readAtOnce: 299);

        Assert.Equal((300L, 0L, 0L), (again.Unchanged, again.Accepted, again.Merged));
        Assert.Equal(1, directory.ReadAllCalls);
        Assert.Equal(3, directory.FindCalls); // one a batch of 100
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(100)]
    public async Task Reading_the_owner_at_once_gives_every_row_the_outcome_looking_keys_up_gives(int batchSize)
    {
        const string file =
            "First name,Last name,Email,LinkedIn URL,Company\n" +
            "Grace,Hopper,grace@example.org,,Navy\n" +                     // fills the stored Grace
            "Ada,Lovelace,,https://www.linkedin.com/in/ada-l,Acme\n" +     // name + company: held by the first stored Ada
            "Grace,Hopper,GRACE@example.org,,Navy\n" +                     // nothing new once Grace was filled
            "Alan,Turing,alan@example.org,,Bletchley\n" +                  // new
            "Ada,Lovelace,ada.l@other.org,,\n" +                           // the second stored Ada, by email
            "Alan,Turing,,https://www.linkedin.com/in/alan,Bletchley\n" +  // into the new Alan
            "Ada,Lovelace,ada@example.org,https://www.linkedin.com/in/ada-l,Acme\n";

        var readAtOnce = await ImportIntoStoredAsync(file, batchSize, readAtOnce: 1000);
        var lookedUp = await ImportIntoStoredAsync(file, batchSize, readAtOnce: 0);

        Assert.Equal((1, 0), (readAtOnce.Directory.ReadAllCalls, readAtOnce.Directory.FindCalls));
        Assert.Equal(0, lookedUp.Directory.ReadAllCalls);
        Assert.Equal(
            [ImportRowOutcome.Merged, ImportRowOutcome.Merged, ImportRowOutcome.Unchanged, ImportRowOutcome.New, ImportRowOutcome.Unchanged, ImportRowOutcome.Merged, ImportRowOutcome.Unchanged],
            readAtOnce.Rows.Select(r => r.Outcome));
        Assert.Equal(lookedUp.Rows, readAtOnce.Rows, RowResultComparer.Instance);
        Assert.Equal(
            lookedUp.Directory.Inner.Contacts(ImportRun.Owner).Select(Describe),
            readAtOnce.Directory.Inner.Contacts(ImportRun.Owner).Select(Describe));
    }

    [Fact]
    public async Task The_sink_is_told_which_contacts_of_a_batch_are_stored_already()
    {
        const string file =
            "First name,Last name,Email,LinkedIn URL,Company\n" +
            "Ada,Lovelace,ada@example.org,,Acme\n" +                       // new
            "Grace,Hopper,grace@example.org,,Navy\n" +                     // into the stored Grace
            "Ada,Lovelace,ADA@example.org,https://www.linkedin.com/in/ada,\n" + // into Ada, written with the first batch
            "Alan,Turing,alan@example.org,,Bletchley\n" +                  // new
            "Alan,Turing,,https://www.linkedin.com/in/alan,Bletchley\n";   // into Alan, written with the second batch
        var stored = new InMemoryContactDirectory();
        await stored.WriteAsync(ImportRun.Owner, [new Contact { OwnerId = ImportRun.Owner, ContactId = "c3", FirstName = "Grace", Email = "grace@example.org" }], CancellationToken.None);
        var sink = new BeliefRecordingSink(stored);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(file));

        await new ContactImporter(stored, sink).ImportAsync(stream, ImportRun.Options() with { BatchSize = 2 }, progress: null, CancellationToken.None);

        Assert.Equal(
            [
                [("Ada", false), ("Grace", true)],
                [("Ada", true), ("Alan", false)],
            ],
            sink.Batches.Take(2));
        Assert.Equal([("Alan", true)], sink.Batches[2]);
    }

    private static async Task<(CountingDirectory Directory, List<ImportRowResult> Rows)> ImportIntoStoredAsync(string file, int batchSize, int readAtOnce)
    {
        var stored = new InMemoryContactDirectory();
        await stored.WriteAsync(
            ImportRun.Owner,
            [
                new Contact { OwnerId = ImportRun.Owner, ContactId = "c1", FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.org", Company = "Acme" },
                new Contact { OwnerId = ImportRun.Owner, ContactId = "c2", FirstName = "Ada", LastName = "Lovelace", Email = "ada.l@other.org", Company = "Acme" },
                new Contact { OwnerId = ImportRun.Owner, ContactId = "c3", FirstName = "Grace", Email = "grace@example.org" },
            ],
            CancellationToken.None);
        var directory = new CountingDirectory(stored);
        var importer = new ContactImporter(directory, stored);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(file));
        var options = ImportRun.Options() with { BatchSize = batchSize, MaxContactsReadAtOnce = readAtOnce };
        await using var import = await importer.StartAsync(stream, options, progress: null, CancellationToken.None);
        var rows = new List<ImportRowResult>();
        await foreach (var row in import.ReadRowsAsync())
        {
            rows.Add(row);
        }

        return (directory, rows);
    }

    private static string Describe(Contact contact) =>
        $"{contact.ContactId} {contact.FirstName} {contact.LastName} {contact.Email} {contact.LinkedInUrl} {contact.Company}";

    /// <summary>Rows of about 100 bytes, each a person of their own.</summary>
    private static string ManyRows(int count)
    {
        var text = new StringBuilder("First name,Last name,Email,Company\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Person{i:D5},Surname{i:D5},person.{i:D5}@a-rather-long-example-domain.org,Company number {i:D5} Limited\n");
        }

        return text.ToString();
    }

    private static async Task<ImportReport> ImportAsync(CountingDirectory directory, string file = Rows, int batchSize = 100, int? readAtOnce = null)
    {
        var importer = new ContactImporter(directory, directory.Inner);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(file));
        var options = ImportRun.Options() with { BatchSize = batchSize };
        if (readAtOnce is { } limit)
        {
            options = options with { MaxContactsReadAtOnce = limit };
        }

        return await importer.ImportAsync(stream, options, progress: null, CancellationToken.None);
    }

    /// <summary>Writes through to a real in-memory store and records, batch by batch, each contact's first name and whether it was believed stored.</summary>
    private sealed class BeliefRecordingSink(InMemoryContactDirectory inner) : IContactSink
    {
        public List<List<(string? Name, bool Stored)>> Batches { get; } = [];

        public ValueTask WriteAsync(string ownerId, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The import says which contacts are stored already.");

        public ValueTask WriteAsync(
            string ownerId, IReadOnlyList<Contact> contacts, IReadOnlyList<bool> storedAlready, IReadOnlyList<ContactKeyClaim> claims, CancellationToken cancellationToken)
        {
            Batches.Add([.. contacts.Select((c, i) => (inner.Get(ownerId, c.ContactId)?.FirstName ?? c.FirstName, storedAlready[i]))]);
            return inner.WriteAsync(ownerId, contacts, storedAlready, claims, cancellationToken);
        }
    }

    /// <summary>Row results compared by what they say (their error lists are separate instances).</summary>
    private sealed class RowResultComparer : IEqualityComparer<ImportRowResult>
    {
        public static readonly RowResultComparer Instance = new();

        public bool Equals(ImportRowResult x, ImportRowResult y) =>
            (x.Line, x.Outcome, x.ContactId, x.Filled) == (y.Line, y.Outcome, y.ContactId, y.Filled);

        public int GetHashCode(ImportRowResult obj) => obj.Line;
    }

    private sealed class CountingDirectory(InMemoryContactDirectory inner) : IContactDirectory
    {
        public InMemoryContactDirectory Inner => inner;

        public int HasContactsCalls { get; private set; }

        public int FindCalls { get; private set; }

        public int KeysLookedUp { get; private set; }

        public int ReadAllCalls { get; private set; }

        public int? LastReadAllLimit { get; private set; }

        public ValueTask<IReadOnlyDictionary<ContactKey, Contact>> FindAsync(string ownerId, IReadOnlyCollection<ContactKey> keys, CancellationToken cancellationToken)
        {
            FindCalls++;
            KeysLookedUp += keys.Count;
            return inner.FindAsync(ownerId, keys, cancellationToken);
        }

        public ValueTask<bool> HasContactsAsync(string ownerId, CancellationToken cancellationToken)
        {
            HasContactsCalls++;
            return inner.HasContactsAsync(ownerId, cancellationToken);
        }

        public ValueTask<ContactDirectorySnapshot?> TryReadAllAsync(string ownerId, int maxContacts, CancellationToken cancellationToken)
        {
            ReadAllCalls++;
            LastReadAllLimit = maxContacts;
            return inner.TryReadAllAsync(ownerId, maxContacts, cancellationToken);
        }
    }
}
