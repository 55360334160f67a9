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

        var report = await ImportAsync(directory, batchSize: 2);

        Assert.Equal((1L, 2L), (report.Accepted, report.Merged)); // Grace into the stored contact, the second Ada into the first
        Assert.Equal("Hopper", stored.Get(ImportRun.Owner, "c1")!.LastName);
        // Batch 1: Ada's and Grace's email and name keys (4). Batch 2: Ada's email key is the file's own by then; nothing is asked.
        Assert.Equal((1, 1, 4), (directory.HasContactsCalls, directory.FindCalls, directory.KeysLookedUp));
    }

    private static async Task<ImportReport> ImportAsync(CountingDirectory directory, int batchSize = 100)
    {
        var importer = new ContactImporter(directory, directory.Inner);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Rows));
        return await importer.ImportAsync(stream, ImportRun.Options() with { BatchSize = batchSize }, progress: null, CancellationToken.None);
    }

    private sealed class CountingDirectory(InMemoryContactDirectory inner) : IContactDirectory
    {
        public InMemoryContactDirectory Inner => inner;

        public int HasContactsCalls { get; private set; }

        public int FindCalls { get; private set; }

        public int KeysLookedUp { get; private set; }

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
    }
}
