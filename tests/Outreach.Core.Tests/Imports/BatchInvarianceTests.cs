using System.Text;
using System.Text.Json;
using Outreach.Core.Contacts;
using Outreach.Core.Imports;
using Outreach.Testing.Files;

namespace Outreach.Core.Tests.Imports;

/// <summary>
/// Batches, the in-memory key index and the two ways of finding stored contacts (reading them all at once, or
/// looking each batch's keys up) are optimisations: on generated sheets full of people seen again under other
/// spellings and with clashing details, every way of running an import must report the same rows and leave the same
/// contacts, and importing the result again must change nothing.
/// </summary>
public sealed class BatchInvarianceTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Into_an_empty_directory_every_batch_size_gives_the_same_rows_and_contacts(int seed)
    {
        var file = GeneratedContactsFile.Generate(seed, rows: 300, people: 40);
        var expected = await RunAsync(file, batchSize: 100, seekable: true, stored: null);
        Assert.InRange(expected.Rows.Count(r => r.StartsWith("merged", StringComparison.Ordinal)), 100, 300);

        foreach (var batchSize in new[] { 1, 2, 5, 17 })
        {
            foreach (var seekable in new[] { true, false })
            {
                var actual = await RunAsync(file, batchSize, seekable, stored: null);
                Assert.Equal(expected.Rows, actual.Rows);
                Assert.Equal(expected.Contacts, actual.Contacts);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Into_stored_contacts_every_batch_size_and_way_of_looking_them_up_gives_the_same_rows_and_contacts(int seed)
    {
        var earlier = GeneratedContactsFile.Generate(seed + 1000, rows: 120, people: 40);
        var file = GeneratedContactsFile.Generate(seed, rows: 300, people: 40);
        var expected = await RunAsync(file, batchSize: 100, seekable: true, stored: earlier);

        foreach (var batchSize in new[] { 1, 2, 5, 17, 100 })
        {
            foreach (var (seekable, readAtOnce) in new[] { (true, 20_000), (true, 0), (false, 20_000) })
            {
                var actual = await RunAsync(file, batchSize, seekable, stored: earlier, readAtOnce);
                Assert.Equal(expected.Rows, actual.Rows);
                Assert.Equal(expected.Contacts, actual.Contacts);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Importing_a_generated_sheet_again_changes_nothing_and_reports_every_row_already_known(int seed)
    {
        var file = GeneratedContactsFile.Generate(seed, rows: 300, people: 40);
        foreach (var batchSize in new[] { 1, 100 })
        {
            var directory = new InMemoryContactDirectory();
            var first = await ImportRun.TextAsync(file, ImportRun.Options() with { BatchSize = batchSize }, directory);
            var contacts = Describe(directory.Contacts(ImportRun.Owner));

            var again = await ImportRun.TextAsync(file, ImportRun.Options() with { BatchSize = batchSize }, directory);

            Assert.Equal(first.Report.Rejected, again.Report.Rejected);
            Assert.Equal(
                first.Rows.Where(r => r.Outcome != ImportRowOutcome.Rejected).Select(r => (r.Line, ImportRowOutcome.Unchanged)),
                again.Rows.Where(r => r.Outcome != ImportRowOutcome.Rejected).Select(r => (r.Line, r.Outcome)));
            Assert.Equal(contacts, Describe(directory.Contacts(ImportRun.Owner)));
        }
    }

    private static async Task<(List<string> Rows, List<string> Contacts)> RunAsync(string file, int batchSize, bool seekable, string? stored, int readAtOnce = 20_000)
    {
        var directory = new InMemoryContactDirectory();
        if (stored is not null)
        {
            await ImportRun.TextAsync(stored, ImportRun.Options() with { ImportId = "earlier" }, directory);
        }

        var options = ImportRun.Options() with { ImportId = "this", BatchSize = batchSize, MaxContactsReadAtOnce = readAtOnce };
        var run = await ImportRun.BytesAsync(Encoding.UTF8.GetBytes(file), options, directory, seekable);
        var rows = run.Rows
            .Select(r => $"{r.Outcome.ToString().ToLowerInvariant()} line {r.Line} {r.ContactId} filled {r.Filled} {string.Join(" | ", r.Errors.Select(e => $"{e.Field}: {e.Reason}"))}")
            .ToList();
        return (rows, Describe(directory.Contacts(ImportRun.Owner)));
    }

    private static List<string> Describe(IReadOnlyList<Contact> contacts) => [.. contacts.Select(c => JsonSerializer.Serialize(c))];
}
