using System.Text;
using Outreach.Core.Imports;
using Outreach.Testing.Files;
using Outreach.Testing.LocalServices;

namespace Outreach.Core.Tests.Imports;

/// <summary>An Excel sheet turned into the CSV the import reads (<see cref="WorkbookConverter"/>).</summary>
public sealed class WorkbookConverterTests
{
    [Fact]
    public async Task The_first_sheet_becomes_csv_row_for_row_with_dates_as_iso_line_breaks_kept_in_their_cell_and_cells_quoted_as_csv_needs()
    {
        var workbook = XlsxFile.Create(
            [
                ["First name", "Last name", "Email", "Company", "Met on", "What we talked about"],
                ["Ada", "Lovelace", "ada@example.org", "Acme, Inc.", new DateOnly(2024, 11, 14), "She said \"hello\"\nand more"],
                [],
                ["Grace", "Hopper", "grace@example.org", null, null, null],
                ["Zip", null, null, null, null, 1984.0],
            ],
            [["Ignored", "sheet"]]);

        var (csv, length) = await ConvertAsync(workbook);

        Assert.Equal(
            "First name,Last name,Email,Company,Met on,What we talked about\r\n" +
            "Ada,Lovelace,ada@example.org,\"Acme, Inc.\",2024-11-14,\"She said \"\"hello\"\"\u2028and more\"\r\n" +
            "\r\n" +
            "Grace,Hopper,grace@example.org\r\n" +
            "Zip,,,,,1984\r\n",
            csv);
        Assert.Equal(Encoding.UTF8.GetByteCount(csv), length);
    }

    [Fact]
    public async Task An_excel_97_2003_workbook_becomes_the_same_csv_with_its_date_cell_as_iso_and_accents_kept()
    {
        // Written by xlwt (Fixtures/make-class-visit-xls.py): the date cell is a number formatted DD/MM/YYYY, as Excel stores it.
        var workbook = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Path, "tests", "Outreach.Core.Tests", "Imports", "Fixtures", "class-visit.xls"));

        var (csv, _) = await ConvertAsync(workbook);

        Assert.Equal(
            "First name,Last name,Email,Company,Met on,What we talked about\r\n" +
            "Ada,Lovelace,ada@example.org,\"Acme, Inc.\",2024-11-14,\"She said \"\"hello\"\"\u2028and more\"\r\n" +
            "\r\n" +
            "Zoë,Ångström,zoe@example.org\r\n" +
            "Zip,,,,,1984\r\n",
            csv);
    }

    [Fact]
    public async Task An_excel_97_2003_upload_is_converted_and_imported_with_exact_counts()
    {
        await using var upload = File.OpenRead(Path.Combine(RepositoryRoot.Path, "tests", "Outreach.Core.Tests", "Imports", "Fixtures", "class-visit.xls"));
        using var csv = new MemoryStream();
        var start = new byte[UploadConverter.SignatureBytes];
        await upload.ReadExactlyAsync(start);
        upload.Position = 0;

        var archived = await UploadConverter.ToCsvAsync(upload, csv, maxBytes: 1 << 20, CancellationToken.None);
        var run = await ImportRun.BytesAsync(csv.ToArray());

        Assert.True(UploadConverter.NeedsConversion(start));
        Assert.Null(archived); // a workbook keeps the upload's name
        Assert.Equal((3L, 2L, 0L, 1L), (run.Report.RowsRead, run.Report.Accepted, run.Report.Merged, run.Report.Rejected));
        // "Zip" has a name but no email or LinkedIn URL: the report names the sheet's row 5, although Ada's notes above it have two lines.
        Assert.Equal([5], run.RejectedLines);
        Assert.Equal(new DateOnly(2024, 11, 14), run.ContactOn(2).Events.Single().MetOn);
        Assert.Equal("She said \"hello\"\nand more", run.ContactOn(2).Notes);
        Assert.Equal("Ångström", run.ContactOn(4).LastName);
    }

    [Fact]
    public async Task The_converted_sheet_imports_with_exact_counts()
    {
        var workbook = XlsxFile.Create(
        [
            ["First name", "Last name", "Email", "Company", "Met on", "What we talked about"],
            ["Ada", "Lovelace", "ada@example.org", "Acme", new DateOnly(2024, 11, 14), "Engines"],
            ["Ada", "Lovelace", "ADA@example.org", "Acme", new DateOnly(2024, 11, 14), "Poetry"],
            ["No", "Address", null, "Acme", null, null],
        ]);
        var (csv, _) = await ConvertAsync(workbook);

        var run = await ImportRun.TextAsync(csv);

        Assert.Equal((3L, 1L, 1L, 1L), (run.Report.RowsRead, run.Report.Accepted, run.Report.Merged, run.Report.Rejected));
        Assert.Equal([4], run.RejectedLines); // the sheet's row 4
        Assert.Equal(new DateOnly(2024, 11, 14), run.ContactOn(2).Events.Single().MetOn);
    }

    [Fact]
    public async Task A_met_on_cell_holding_a_date_and_time_imports_as_its_date()
    {
        // A form's response sheet or =NOW() stores a timestamp; the converter writes it as 2024-11-14 15:30.
        var workbook = XlsxFile.Create(
        [
            ["First name", "Last name", "Email", "Met on"],
            ["Ada", "Lovelace", "ada@example.org", new DateTime(2024, 11, 14, 15, 30, 0)],
        ]);
        var (csv, _) = await ConvertAsync(workbook);

        var run = await ImportRun.TextAsync(csv);

        Assert.Contains("ada@example.org,2024-11-14 15:30\r\n", csv, StringComparison.Ordinal);
        Assert.Equal((1L, 0L), (run.Report.Accepted, run.Report.Rejected));
        Assert.Equal(new DateOnly(2024, 11, 14), run.ContactOn(2).Events.Single().MetOn);
    }

    [Fact]
    public async Task A_sheet_past_the_limit_as_csv_is_refused()
    {
        var workbook = XlsxFile.Create([.. Enumerable.Range(0, 200).Select(i => new object?[] { $"Person {i}", $"p{i}@example.org" })]);

        var error = await Assert.ThrowsAsync<DomainException>(() => ConvertAsync(workbook, maxBytes: 1024));

        Assert.Equal(("import.archive-too-large", "file"), (error.Code, error.Target));
    }

    [Fact]
    public async Task A_damaged_workbook_is_refused_as_unreadable()
    {
        var workbook = XlsxFile.Create([["Name", "Email"]]);
        var damaged = workbook.ToArray();
        Array.Fill(damaged, (byte)'x', 200, 400);

        var error = await Assert.ThrowsAsync<DomainException>(() => ConvertAsync(damaged));

        Assert.Equal(("import.spreadsheet-unreadable", "file"), (error.Code, error.Target));
    }

    private static async Task<(string Csv, long Length)> ConvertAsync(byte[] workbook, long maxBytes = 1 << 20)
    {
        using var input = new MemoryStream(workbook);
        using var output = new MemoryStream();
        var length = await WorkbookConverter.ToCsvAsync(input, output, maxBytes, CancellationToken.None);
        return (Encoding.UTF8.GetString(output.ToArray()), length);
    }
}
