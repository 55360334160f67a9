using Outreach.Core.Contacts;
using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

/// <summary>
/// A queued import cut short (a crash, or the host's time limit) runs again under the same id, over contacts its
/// first attempt wrote: its report must be the one a single uninterrupted run gives, not "already known" for them.
/// </summary>
public sealed class RetriedImportTests
{
    /// <summary>20 rows: 19 people, one of them twice.</summary>
    private const string File = "samples/class-visit.csv";

    [Theory]
    [InlineData(7)] // cut after seven rows (20 in the file; batches of ten)
    [InlineData(10)] // after the first batch
    [InlineData(20)] // the whole file written, the record not saved
    public async Task A_retry_after_an_attempt_cut_short_reports_every_row_as_one_uninterrupted_run_would(int rowsFirstAttempt)
    {
        var options = ImportRun.Options() with { BatchSize = 10 };
        var clean = await ImportRun.FileAsync(File, options);

        var directory = new InMemoryContactDirectory();
        await ImportRun.FileAsync(File, options with { MaxRows = rowsFirstAttempt }, directory);
        var retry = await ImportRun.FileAsync(File, options, directory);

        Assert.Equal(
            (clean.Report.RowsRead, clean.Report.Accepted, clean.Report.Merged, clean.Report.Unchanged, clean.Report.Rejected),
            (retry.Report.RowsRead, retry.Report.Accepted, retry.Report.Merged, retry.Report.Unchanged, retry.Report.Rejected));
        Assert.Equal(clean.Rows.Select(r => (r.Line, r.Outcome, r.ContactId)), retry.Rows.Select(r => (r.Line, r.Outcome, r.ContactId)));
        Assert.Equal(clean.Contacts.Select(Summary), retry.Contacts.Select(Summary));
    }

    private static string Summary(Contact c) =>
        $"{c.ContactId} {c.FullName} {c.Email} {c.Company} {c.Position} {c.Notes} {c.Offer} {string.Join('|', c.Events)} {string.Join('|', c.Tags)} {c.Source}";

    [Fact]
    public async Task Another_import_of_the_same_file_still_finds_every_row_already_known()
    {
        var first = await ImportRun.FileAsync(File);

        var again = await ImportRun.FileAsync(File, directory: first.Directory); // a new import: an id of its own

        Assert.Equal((0L, 0L, 20L), (again.Report.Accepted, again.Report.Merged, again.Report.Unchanged));
    }
}
