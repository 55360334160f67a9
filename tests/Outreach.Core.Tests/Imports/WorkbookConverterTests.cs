using System.Text;
using Outreach.Core.Imports;
using Outreach.Testing.Files;

namespace Outreach.Core.Tests.Imports;

/// <summary>An Excel sheet turned into the CSV the import reads (<see cref="WorkbookConverter"/>).</summary>
public sealed class WorkbookConverterTests
{
    [Fact]
    public async Task The_first_sheet_becomes_csv_row_for_row_with_dates_as_iso_and_cells_quoted_as_csv_needs()
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
            "Ada,Lovelace,ada@example.org,\"Acme, Inc.\",2024-11-14,\"She said \"\"hello\"\"\nand more\"\r\n" +
            "\r\n" +
            "Grace,Hopper,grace@example.org\r\n" +
            "Zip,,,,,1984\r\n",
            csv);
        Assert.Equal(Encoding.UTF8.GetByteCount(csv), length);
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
