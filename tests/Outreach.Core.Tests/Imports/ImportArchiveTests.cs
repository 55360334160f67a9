using System.Text;
using Outreach.Core.Imports;
using Outreach.Testing.Files;

namespace Outreach.Core.Tests.Imports;

/// <summary>The contacts file taken out of a ZIP upload (<see cref="ImportArchive"/>), as LinkedIn's data export arrives.</summary>
public sealed class ImportArchiveTests
{
    private const string Connections = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Lovelace,https://www.linkedin.com/in/ada,,Acme,Engineer,15 Mar 2024\n";

    [Fact]
    public async Task LinkedIns_export_gives_its_Connections_csv_and_nothing_else()
    {
        var archive = ZipBytes.Create(
            ("Complete_LinkedInDataExport_12-01-2026/messages.csv", "FROM,TO,CONTENT\na,b,private\n"),
            ("Complete_LinkedInDataExport_12-01-2026/Invitations.csv", "From,To\n"),
            ("Complete_LinkedInDataExport_12-01-2026/Connections.csv", Connections),
            ("Complete_LinkedInDataExport_12-01-2026/Profile.txt", "x"));

        var (name, text, length) = await ExtractAsync(archive);

        Assert.Equal(("Connections.csv", Connections), (name, text));
        Assert.Equal(Encoding.UTF8.GetByteCount(Connections), length);
    }

    [Fact]
    public async Task The_only_csv_of_an_archive_is_taken_and_macOS_resource_copies_are_not_csv_files()
    {
        var archive = ZipBytes.Create(("class visit/sheet.csv", "Name,Email\nAda,ada@example.org\n"), ("__MACOSX/class visit/._sheet.csv", "\0\u0005binary"), ("class visit/", null));

        var (name, text, _) = await ExtractAsync(archive);

        Assert.Equal(("sheet.csv", "Name,Email\nAda,ada@example.org\n"), (name, text));
    }

    [Fact]
    public async Task An_archive_without_a_csv_is_refused_naming_the_file()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => ExtractAsync(ZipBytes.Create(("notes.txt", "hello"))));

        Assert.Equal(("import.archive-no-csv", "file"), (error.Code, error.Target));
    }

    [Theory]
    [InlineData("an Excel workbook (.xlsx)", "[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml")]
    [InlineData("an OpenDocument spreadsheet (.ods)", "mimetype", "content.xml", "META-INF/manifest.xml")]
    public async Task A_workbook_is_refused_as_what_it_is_with_how_to_save_it_as_csv(string kind, params string[] entries)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => ExtractAsync(ZipBytes.Create([.. entries.Select(e => (e, (string?)"<x/>"))])));

        Assert.Equal((SpreadsheetFiles.Code, "file"), (error.Code, error.Target));
        Assert.StartsWith($"The file is {kind}, not CSV. Save it as CSV and upload that: in Excel, File > Save As > CSV UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_old_excel_workbook_is_refused_as_what_it_is()
    {
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var error = await Assert.ThrowsAsync<DomainException>(() => ImportRun.BytesAsync(xls));

        Assert.Equal(SpreadsheetFiles.Code, error.Code);
        Assert.StartsWith("The file is an Excel 97-2003 workbook (.xls), not CSV.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_csv_files_and_no_Connections_csv_are_refused_listing_them()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => ExtractAsync(ZipBytes.Create(("a.csv", "x\n"), ("b/c.csv", "y\n"))));

        Assert.Equal("import.archive-ambiguous", error.Code);
        Assert.Contains("2 CSV files (a.csv, b/c.csv)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_that_expands_past_the_limit_is_refused_whatever_its_header_says()
    {
        // 1 MiB of one byte compresses to about a kilobyte: the limit is on what comes out, not on the upload.
        var archive = ZipBytes.Create(("Connections.csv", new string('a', 1 << 20)));

        var error = await Assert.ThrowsAsync<DomainException>(() => ExtractAsync(archive, maxBytes: 64 * 1024));

        Assert.True(archive.Length < 64 * 1024);
        Assert.Equal("import.archive-too-large", error.Code);
    }

    [Fact]
    public async Task A_damaged_archive_is_refused_as_unreadable()
    {
        var archive = ZipBytes.Create(("Connections.csv", Connections));
        var damaged = archive[..(archive.Length / 2)];

        var error = await Assert.ThrowsAsync<DomainException>(() => ExtractAsync(damaged));

        Assert.Equal("import.archive-unreadable", error.Code);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14 }, true)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x05, 0x06 }, true)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x2C }, false)] // "PK," starts a CSV line
    [InlineData(new byte[] { 0x50, 0x4B }, false)]
    public void A_zip_is_known_by_its_first_four_bytes(byte[] start, bool isZip) =>
        Assert.Equal(isZip, ImportArchive.IsZip(start));

    private static async Task<(string Name, string Text, long Length)> ExtractAsync(byte[] archive, long maxBytes = 1 << 20)
    {
        using var input = new MemoryStream(archive);
        using var output = new MemoryStream();
        var (name, length) = await ImportArchive.ExtractContactsAsync(input, output, maxBytes, CancellationToken.None);
        return (name, Encoding.UTF8.GetString(output.ToArray()), length);
    }
}
