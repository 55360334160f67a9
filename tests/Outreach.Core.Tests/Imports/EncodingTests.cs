using System.Text;
using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

public sealed class EncodingTests
{
    private const string Sheet =
        "First Name,Last Name,Email,Company\r\n" +
        "José,Müller,jose.muller@example.org,Société Générale\r\n" +
        "Zoë,Weiß,zoe@example.org,Straße & Co\r\n";

    public static TheoryData<string, byte[]> Encodings => new()
    {
        { "utf-8-bom", CsvBytes.Utf8(Sheet, bom: true) },
        { "utf-8", CsvBytes.Utf8(Sheet, bom: false) },
        { "utf-16le", CsvBytes.Utf16LittleEndian(Sheet) },
        { "utf-16be", CsvBytes.Utf16BigEndian(Sheet) },
        { "windows-1252", CsvBytes.Windows1252(Sheet) },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Every_supported_encoding_reads_the_same_contacts(string expectedEncoding, byte[] file)
    {
        var run = await ImportRun.BytesAsync(file);

        Assert.Equal(expectedEncoding, run.Report.Encoding);
        Assert.Equal((2, 0), (run.Report.Accepted, run.Report.Rejected));
        var jose = run.ContactOn(2);
        Assert.Equal(("José", "Müller", "Société Générale"), (jose.FirstName, jose.LastName, jose.Company));
        Assert.Equal(("Zoë", "Weiß", "Straße & Co"), (run.ContactOn(3).FirstName, run.ContactOn(3).LastName, run.ContactOn(3).Company));
    }

    [Theory]
    [InlineData("iso-8859-15", "iso-8859-15", "Šimon", "Žák")] // Š and Ž are ¦ and ´ in Windows-1252, the guess without it
    [InlineData("ISO-8859-15", "iso-8859-15", "Šimon", "Žák")]
    [InlineData("shift_jis", "shift_jis", "太郎", "田中")]
    [InlineData("windows-1251", "windows-1251", "Иван", "Петров")]
    [InlineData("utf-16", "utf-16le", "Zoë", "Weiß")] // no byte order mark: refused as binary unless declared
    [InlineData("utf-16be", "utf-16be", "Zoë", "Weiß")]
    public async Task A_declared_charset_reads_what_detection_cannot_tell(string charset, string reported, string first, string last)
    {
        var encoding = DeclaredCharset.Resolve(charset);
        var file = encoding.GetBytes($"First Name,Last Name,Email\n{first},{last},someone@example.org\n");

        var run = await ImportRun.BytesAsync(file, ImportRun.Options() with { Charset = charset });

        Assert.Equal(reported, run.Report.Encoding);
        Assert.Equal((first, last), (run.ContactOn(2).FirstName, run.ContactOn(2).LastName));
    }

    [Fact]
    public async Task Utf16_without_a_byte_order_mark_is_still_refused_as_binary_when_not_declared()
    {
        var file = new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetBytes("First Name,Last Name,Email\nZoë,Weiß,zoe@example.org\n");

        var error = await Assert.ThrowsAsync<DomainException>(() => ImportRun.BytesAsync(file));

        Assert.Equal("import.not-text", error.Code);
    }

    [Fact]
    public async Task A_byte_order_mark_wins_over_a_declared_charset()
    {
        var run = await ImportRun.BytesAsync(CsvBytes.Utf8(Sheet, bom: true), ImportRun.Options() with { Charset = "windows-1252" });

        Assert.Equal("utf-8-bom", run.Report.Encoding);
        Assert.Equal("José", run.ContactOn(2).FirstName);
    }

    [Fact]
    public async Task A_file_declared_utf8_that_is_not_is_refused_naming_charset_not_read_with_its_letters_replaced()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => ImportRun.BytesAsync(CsvBytes.Windows1252(Sheet), ImportRun.Options() with { Charset = "utf-8" }));

        Assert.Equal(("import.bad-parameter", "charset"), (error.Code, error.Target));
        Assert.Contains("not UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("klingon")]
    [InlineData("utf-7")] // obsolete, and a way to smuggle markup past filters
    [InlineData(" ")]
    public async Task An_unknown_charset_is_refused_naming_charset(string charset)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => ImportRun.BytesAsync(CsvBytes.Utf8(Sheet, bom: false), ImportRun.Options() with { Charset = charset }));

        Assert.Equal(("import.bad-parameter", "charset"), (error.Code, error.Target));
    }

    [Fact]
    public async Task Utf8_bom_does_not_hide_the_first_header()
    {
        // listmonk #65: a BOM glued to the first header made "email column not found".
        var run = await ImportRun.BytesAsync(CsvBytes.Utf8("Email,Name\r\nada@example.org,Ada Lovelace\r\n", bom: true));

        Assert.Contains(new RecognisedColumn("Email", ContactField.Email), run.Report.RecognisedColumns);
        Assert.Equal(1, run.Report.Accepted);
    }

    [Fact]
    public async Task Multi_byte_character_cut_by_the_sample_boundary_is_still_read_as_utf8()
    {
        // Pad so that "é" (2 bytes in UTF-8) straddles the 64 KiB sample boundary.
        var header = "First Name,Last Name,Email,Notes\n";
        var filler = new StringBuilder();
        var line = 2;
        while (Encoding.UTF8.GetByteCount(header + filler) < ContactImporter.SampleBytes - 200)
        {
            filler.Append("Ada,Lovelace,ada").Append(line).Append("@example.org,plain ascii notes\n");
            line++;
        }

        var prefix = header + filler + "Zed,Zulu,zed@example.org,";
        var padding = ContactImporter.SampleBytes - 1 - Encoding.UTF8.GetByteCount(prefix);
        var text = prefix + new string('x', padding) + "é after the boundary\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(0xC3, bytes[ContactImporter.SampleBytes - 1]); // the lead byte is the sample's last byte

        var run = await ImportRun.BytesAsync(bytes, seekable: false);

        Assert.Equal("utf-8", run.Report.Encoding);
        Assert.EndsWith("é after the boundary", run.ContactOn(line).Notes, StringComparison.Ordinal);
        Assert.Equal(0, run.Report.Rejected);
    }

    [Fact]
    public async Task Windows1252_file_whose_first_accent_comes_after_the_sample_keeps_its_letters()
    {
        // An Outlook or Excel export (Windows-1252) of mostly unaccented names: its first 64 KiB are ASCII, so valid UTF-8.
        // The "é" later on (0xE9 alone) was read as U+FFFD, and José was stored, and greeted, as "Jos\uFFFD".
        var text = new StringBuilder("First Name,Last Name,Email,Company\r\n");
        var line = 2;
        while (text.Length < ContactImporter.SampleBytes + 1000)
        {
            text.Append("Person,Smith").Append(line).Append(",p").Append(line).Append("@example.org,Acme Corporation Limited\r\n");
            line++;
        }

        text.Append("José,Müller,jose@example.org,Société Générale – Paris\r\n")
            .Append("Renée,Dupont,renée@example,Société Générale\r\n")
            .Append("Zoë,Weiß,zoe@example.org,Straße & Co\r\n");

        var run = await ImportRun.BytesAsync(CsvBytes.Windows1252(text.ToString()), seekable: false);

        Assert.Equal("utf-8", run.Report.Encoding);
        Assert.Equal((line - 2 + 2, 1), (run.Report.Accepted, run.Report.Rejected));
        var jose = run.ContactOn(line);
        Assert.Equal(("José", "Müller", "Société Générale – Paris"), (jose.FirstName, jose.LastName, jose.Company));
        Assert.Equal(("Zoë", "Weiß"), (run.ContactOn(line + 2).FirstName, run.ContactOn(line + 2).LastName));
        var rejected = Assert.Single(run.Report.RejectedRows);
        Assert.Equal((line + 1, "Renée,Dupont,renée@example,Société Générale"), (rejected.Line, rejected.RawText));
    }

    [Fact]
    public async Task A_file_declared_utf8_with_a_windows1252_name_after_the_sample_keeps_its_letters()
    {
        // The declaration is checked on the first 64 KiB; past them a stray byte became U+FFFD, the letter replaced after all.
        var text = new StringBuilder("First Name,Last Name,Email\r\n");
        var line = 2;
        while (text.Length < ContactImporter.SampleBytes + 1000)
        {
            text.Append("Person,Smith").Append(line).Append(",p").Append(line).Append("@example.org\r\n");
            line++;
        }

        text.Append("José,Müller,jose@example.org\r\n");

        var run = await ImportRun.BytesAsync(CsvBytes.Windows1252(text.ToString()), ImportRun.Options() with { Charset = "utf-8" }, seekable: false);

        Assert.Equal("utf-8", run.Report.Encoding);
        Assert.Equal(("José", "Müller"), (run.ContactOn(line).FirstName, run.ContactOn(line).LastName));
    }

    [Fact]
    public async Task Utf8_characters_of_every_length_read_the_same_through_the_stray_byte_repair()
    {
        // Past the sample, a UTF-8 file is read through the repair, a chunk at a time: a character cut by a chunk's end is whole.
        var text = new StringBuilder("First Name,Last Name,Email,Notes\n");
        var line = 2;
        while (Encoding.UTF8.GetByteCount(text.ToString()) < 3 * ContactImporter.SampleBytes)
        {
            text.Append("Zoë,Ångström").Append(line).Append(",z").Append(line).Append("@example.org,€ 5 – 日本 😀 ").Append('x', line % 7).Append('\n');
            line++;
        }

        var run = await ImportRun.BytesAsync(Encoding.UTF8.GetBytes(text.ToString()), seekable: false);

        Assert.Equal((line - 2, 0), (run.Report.Accepted, run.Report.Rejected));
        Assert.All(run.Contacts, c => Assert.StartsWith("€ 5 – 日本 😀", c.Notes, StringComparison.Ordinal));
        Assert.All(run.Contacts, c => Assert.StartsWith("Ångström", c.LastName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Binary_file_renamed_to_csv_is_refused_as_not_text()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00 };

        var error = await Assert.ThrowsAsync<DomainException>(() => ImportRun.BytesAsync(png));

        Assert.Equal("import.not-text", error.Code);
        Assert.Equal("file", error.Target);
    }

    [Fact]
    public async Task Control_character_noise_without_nul_bytes_is_refused_as_not_text()
    {
        var noise = Enumerable.Range(0, 4000).Select(i => (byte)(i % 7 == 0 ? 0x01 : 'a' + (i % 26))).ToArray();

        var error = await Assert.ThrowsAsync<DomainException>(() => ImportRun.BytesAsync(noise));

        Assert.Equal("import.not-text", error.Code);
    }
}
