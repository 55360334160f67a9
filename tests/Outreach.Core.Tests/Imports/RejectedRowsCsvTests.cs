using System.Globalization;
using System.Text;
using CsvHelper;
using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

/// <summary>The rejected rows as a CSV to fix and import again (<see cref="RejectedRowsCsv"/>).</summary>
public sealed class RejectedRowsCsvTests
{
    private const string LinkedInExport =
        "Notes:\r\n" +
        "\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\r\n" +
        "\r\n" +
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" +
        "Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.org,Analytical Engines,Mathematician,15 Mar 2024\r\n" +
        "Grace,Hopper,https://www.linkedin.com/in/grace,grace@@example.org,\"Navy, US\",Rear Admiral,16 Mar 2024\r\n" +
        "Alan,Turing,https://www.linkedin.com/in/alan,alan@example.org,Bletchley,Cryptanalyst,31 Feb 2024\r\n" +
        "Edsger,Dijkstra,https://www.linkedin.com/in/edsger,edsger@example.org,Eindhoven,Professor,17 Mar 2024\r\n";

    [Fact]
    public async Task Lists_the_file_header_with_an_error_column_then_each_rejected_row_whole_with_its_line_and_reasons()
    {
        var (csv, rows) = await WriteAsync(LinkedInExport);

        Assert.Equal(2, rows);
        Assert.Equal(
            "Import error,First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" +
            "Line 6: Email Address is not a valid email address: it has more than one @," +
            "Grace,Hopper,https://www.linkedin.com/in/grace,grace@@example.org,\"Navy, US\",Rear Admiral,16 Mar 2024\r\n" +
            "Line 7: Connected On '31 Feb 2024' is not a real calendar date," +
            "Alan,Turing,https://www.linkedin.com/in/alan,alan@example.org,Bletchley,Cryptanalyst,31 Feb 2024\r\n",
            csv);
    }

    [Fact]
    public async Task The_corrected_file_imports_as_it_is_with_the_error_column_ignored()
    {
        var (csv, _) = await WriteAsync(LinkedInExport);
        var corrected = csv.Replace("grace@@example.org", "grace@example.org", StringComparison.Ordinal).Replace("31 Feb 2024", "28 Feb 2024", StringComparison.Ordinal);

        var run = await ImportRun.TextAsync(corrected);

        Assert.Equal((2L, 2L, 0L), (run.Report.RowsRead, run.Report.Accepted, run.Report.Rejected));
        Assert.Contains(RejectedRowsCsv.ErrorColumn, run.Report.IgnoredColumns);
        Assert.Equal(["Alan", "Grace"], run.Contacts.Select(c => c.FirstName).Order());
    }

    [Fact]
    public async Task Lists_every_rejected_row_though_the_report_lists_only_the_first()
    {
        var file = new StringBuilder("First name;Last name;Email\n");
        for (var i = 0; i < 30; i++)
        {
            file.Append(CultureInfo.InvariantCulture, $"Person;{i};person{i}-at-example.org\n");
        }

        var options = ImportRun.Options() with { MaxRejectedRowsInReport = 5 };
        var run = await ImportRun.TextAsync(file.ToString(), options);
        var (csv, rows) = await WriteAsync(file.ToString(), options);

        Assert.Equal((30L, 5, 25L), (run.Report.Rejected, run.Report.RejectedRows.Count, run.Report.RejectedRowsNotListed));
        Assert.Equal(30, rows);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Import error;First name;Last name;Email", lines[0]);
        Assert.Equal("Line 31: Email is not a valid email address: it has no @;Person;29;person29-at-example.org", lines[^1]);
    }

    [Fact]
    public async Task A_rejected_row_with_a_line_break_in_a_quoted_cell_is_kept_whole_and_header_cells_are_quoted_as_csv_needs()
    {
        var (csv, rows) = await WriteAsync(
            "Name,Email,Notes,\"Where, when\"\n" +
            "Ada Lovelace,not-an-email,\"met at the fair;\nsecond line\",\"Leeds, May\"\n" +
            "Grace Hopper,grace@example.org,fine,\n");

        Assert.Equal(1, rows);
        Assert.Equal(
            "Import error,Name,Email,Notes,\"Where, when\"\r\n" +
            "Line 2: Email is not a valid email address: it has no @,Ada Lovelace,not-an-email,\"met at the fair;\nsecond line\",\"Leeds, May\"\r\n",
            csv);
    }

    [Fact]
    public async Task A_line_opening_a_quote_it_never_closes_goes_whole_into_one_cell_and_swallows_no_row_after_it()
    {
        var (csv, rows) = await WriteAsync(
            "Name,Email\n" +
            "Ada Lovelace,\"ada@example.org\n" +
            "Grace Hopper,grace@example.org\n" +
            "Bad Row,not-an-email\n");

        Assert.Equal(2, rows);
        var records = await RecordsAsync(csv);

        Assert.Equal(3, records.Count);
        Assert.Equal(["Import error", "Name", "Email"], records[0]);
        Assert.StartsWith("Line 2: row opens a quoted field", records[1][0], StringComparison.Ordinal);
        Assert.EndsWith(RejectedRowsCsv.UnclosedQuoteNote, records[1][0], StringComparison.Ordinal);
        Assert.Equal("Ada Lovelace,\"ada@example.org", records[1][1]);
        Assert.Equal(["Line 4: Email is not a valid email address: it has no @", "Bad Row", "not-an-email"], records[2]);
    }

    [Fact]
    public async Task A_quote_inside_a_cell_is_text_and_its_row_keeps_its_cells_while_text_after_a_closing_quote_goes_whole_into_one()
    {
        var (csv, rows) = await WriteAsync(
            "Name,Email,Notes\n" +
            "Ada Lovelace,not-an-email,5'6\" tall\n" +
            "Grace Hopper,\"grace\"x\"@example.org,\"open\n" +
            "Bad Row,nope,x\n" +
            "Worse Row,nope2,y\n");

        var records = await RecordsAsync(csv);

        Assert.Equal(4, rows);
        Assert.Equal(["Line 2: Email is not a valid email address: it has no @", "Ada Lovelace", "not-an-email", "5'6\" tall"], records[1]);
        Assert.EndsWith(RejectedRowsCsv.UnclosedQuoteNote, records[2][0], StringComparison.Ordinal);
        Assert.Equal("Grace Hopper,\"grace\"x\"@example.org,\"open", records[2][1]);
        Assert.Equal(["Line 4: Email is not a valid email address: it has no @", "Bad Row", "nope", "x"], records[3]);
        Assert.Equal(5, records.Count);
    }

    private static async Task<List<string[]>> RecordsAsync(string csv)
    {
        var records = new List<string[]>();
        await using var reader = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(csv)), CsvReaderOptions.Default with { HasHeader = false }, leaveOpen: false);
        while (await reader.ReadAsync(CancellationToken.None))
        {
            records.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return records;
    }

    [Fact]
    public async Task An_empty_file_writes_nothing()
    {
        var (csv, rows) = await WriteAsync(string.Empty);

        Assert.Equal((string.Empty, 0L), (csv, rows));
    }

    private static async Task<(string Csv, long Rows)> WriteAsync(string file, ImportOptions? options = null)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(file));
        await using var output = new StringWriter();
        var rows = await RejectedRowsCsv.WriteAsync(input, options ?? ImportRun.Options(), output, CancellationToken.None);
        return (output.ToString(), rows);
    }
}
