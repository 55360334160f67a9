using System.Text;
using Outreach.Core.Imports;
using Outreach.Testing.Files;

namespace Outreach.Core.Tests.Imports;

/// <summary>An upload that is not CSV yet turned into the CSV the import reads (<see cref="UploadConverter"/>).</summary>
public sealed class UploadConverterTests
{
    [Fact]
    public async Task An_archive_gives_its_contacts_file_and_names_it()
    {
        var (entry, csv) = await ConvertAsync(ZipBytes.Create(("Export/Connections.csv", "First Name,Last Name\n"), ("Export/messages.csv", "x\n")));

        Assert.Equal(("Connections.csv", "First Name,Last Name\n"), (entry, csv));
    }

    [Fact]
    public async Task A_workbook_gives_its_first_sheet_and_keeps_the_uploads_name()
    {
        var (entry, csv) = await ConvertAsync(XlsxFile.Create([["Name", "Email"], ["Ada Lovelace", "ada@example.org"]]));

        Assert.Equal((null, "Name,Email\r\nAda Lovelace,ada@example.org\r\n"), (entry, csv));
    }

    [Fact]
    public async Task A_workbook_whose_parts_expand_far_past_the_limit_is_refused_before_it_is_read()
    {
        // One cell of 1 MiB compresses to about a kilobyte; against a 64 KiB limit its sheet part expands past 8 x 64 KiB.
        var workbook = XlsxFile.Create([["Name", new string('a', 1 << 20)]]);

        var error = await Assert.ThrowsAsync<DomainException>(() => ConvertAsync(workbook, maxBytes: 64 * 1024));

        Assert.True(workbook.Length < 64 * 1024);
        Assert.Equal(("import.archive-too-large", "file"), (error.Code, error.Target));
        Assert.StartsWith("The workbook's parts expand past 524288 bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, true)]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, true)]
    [InlineData(new byte[] { 0x4E, 0x61, 0x6D, 0x65, 0x2C }, false)] // "Name,"
    public void Workbooks_and_archives_need_converting_and_text_does_not(byte[] start, bool needs) =>
        Assert.Equal(needs, UploadConverter.NeedsConversion(start));

    private static async Task<(string? Entry, string Csv)> ConvertAsync(byte[] upload, long maxBytes = 1 << 20)
    {
        using var input = new MemoryStream(upload);
        using var output = new MemoryStream();
        var entry = await UploadConverter.ToCsvAsync(input, output, maxBytes, CancellationToken.None);
        return (entry, Encoding.UTF8.GetString(output.ToArray()));
    }
}
