using Outreach.Core.Imports;
using Outreach.Functions.Imports;

namespace Outreach.Functions.Tests.Imports;

/// <summary>The record of a queued import that failed: what it had stored is counted and said, not shown as nothing.</summary>
public sealed class ImportRecordFailedTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 21, 0, 0, TimeSpan.Zero);

    private static readonly ImportRecord Running = new()
    {
        Id = "imp-1",
        OwnerId = "owner-1",
        Status = ImportStatus.Running,
        FileName = "Connections.csv",
        CreatedUtc = Now.AddMinutes(-5),
        Progress = new ImportRecordProgress(200, 20_000, 90_000, 22),
    };

    [Fact]
    public void An_import_cut_short_after_some_batches_counts_the_rows_it_stored_and_says_how_to_go_on()
    {
        var failed = Running.Failed("The import could not be completed.", new ImportProgress(200, 20_000, 90_000, Accepted: 170, Merged: 5, Unchanged: 5, Rejected: 20), Now);

        Assert.Equal((ImportStatus.Failed, Now, null), (failed.Status, failed.CompletedUtc, failed.Progress));
        Assert.Equal(new ImportCounts(200, 170, 5, 5, 20), failed.Counts);
        Assert.Equal(
            "The import could not be completed. It stopped after 200 rows, whose contacts are stored (170 new, 5 merged, 5 already known, 20 rejected). " +
            "Retry the import to import the rest: the rows already imported are not imported twice.",
            failed.Error);
    }

    [Fact]
    public void An_import_that_failed_before_any_row_keeps_its_error_as_it_is()
    {
        var failed = Running.Failed("The uploaded file is no longer stored; upload it again.", reached: null, Now);

        Assert.Equal(new ImportCounts(0, 0, 0, 0, 0), failed.Counts);
        Assert.Equal("The uploaded file is no longer stored; upload it again.", failed.Error);
    }
}
