using Outreach.Core.Contacts;
using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

public sealed class ImportLimitTests
{
    private const string Header = "First name,Last name,Email,Company,What we talked about";

    [Fact]
    public async Task An_import_stops_at_its_row_limit_keeps_the_rows_before_and_names_the_first_line_not_read()
    {
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            "Ada,Lovelace,ada@example.org,,\n" +
            "\n" +                                  // blank rows are not rows
            "Not,Valid,not-an-email,,\n" +          // a rejected row counts towards the limit
            "Grace,Hopper,grace@example.org,,\n" +
            "\n" +
            "Alan,Turing,alan@example.org,,\n" +
            "Edsger,Dijkstra,edsger@example.org,,\n",
            ImportRun.Options() with { MaxRows = 3, BatchSize = 2 });

        Assert.Equal((3L, 2L, 1L), (run.Report.RowsRead, run.Report.Accepted, run.Report.Rejected));
        Assert.Equal(7, run.Report.NotReadFromLine);
        Assert.Equal(
            "The import stopped after 3 rows, the most one import may hold: the rows from line 7 on were not read. " +
            "Import them as a file of their own (rows imported already are recognised, not duplicated).",
            run.Report.Message);
        Assert.Equal(["Ada", "Grace"], run.Contacts.Select(c => c.FirstName).Order());
    }

    [Fact]
    public async Task A_file_with_exactly_the_row_limit_is_read_whole()
    {
        var run = await ImportRun.TextAsync(
            Header + "\nAda,Lovelace,ada@example.org,,\nGrace,Hopper,grace@example.org,,\n\n",
            ImportRun.Options() with { MaxRows = 2 });

        Assert.Equal((2L, null, null), (run.Report.Accepted, run.Report.NotReadFromLine, run.Report.Message));
    }

    [Fact]
    public async Task A_field_over_the_deployment_cap_rejects_its_row_naming_the_cap_even_below_the_field_own_limit()
    {
        var notes = new string('n', 120);
        var run = await ImportRun.TextAsync(
            Header + "\n" +
            $"Ada,Lovelace,ada@example.org,,{notes}\n" +
            "Grace,Hopper,grace@example.org,,short notes\n",
            ImportRun.Options() with { MaxFieldLength = 100 });

        Assert.Equal((1L, 1L), (run.Report.Accepted, run.Report.Rejected));
        var error = Assert.Single(Assert.Single(run.Report.RejectedRows).Errors);
        Assert.Equal(new RowError("What we talked about", "is 120 characters long; the limit is 100"), error);
    }

    [Theory]
    [InlineData(0, null, "maxRows")]
    [InlineData(null, 0, "maxFieldLength")]
    public async Task Limits_below_one_are_refused_naming_the_parameter(int? maxRows, int? maxFieldLength, string parameter)
    {
        var importer = new ContactImporter(new InMemoryContactDirectory(), new InMemoryContactDirectory());
        using var stream = new MemoryStream("a,b\n"u8.ToArray());
        var refused = await Assert.ThrowsAsync<DomainException>(() => importer.StartAsync(
            stream, ImportRun.Options() with { MaxRows = maxRows, MaxFieldLength = maxFieldLength }, progress: null, CancellationToken.None));

        Assert.Equal(("import.bad-parameter", parameter), (refused.Code, refused.Target));
    }
}
