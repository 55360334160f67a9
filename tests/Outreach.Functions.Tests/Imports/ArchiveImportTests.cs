using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Functions.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.Files;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// LinkedIn's data export uploaded as LinkedIn sends it, a ZIP archive: its Connections.csv is imported and kept, and
/// nothing else of the archive (messages, invitations) is stored. On the real handler and Azurite.
/// </summary>
public sealed class ArchiveImportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly ApiApp _app = ApiApp.Start(azurite, ("Limits:MaxUploadBytes", "65536"));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task LinkedIns_export_archive_imports_its_connections_and_keeps_only_that_file()
    {
        var owner = ApiApp.NewId("zip");
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(owner));
        var connections = Sample("linkedin-Connections.csv");
        using var form = new MultipartFormDataContent
        {
            {
                new ByteArrayContent(ZipBytes.Create(
                    ("Basic_LinkedInDataExport_12-01-2026/messages.csv", "FROM,TO,CONTENT\nAda,Sam,a private message\n"),
                    ("Basic_LinkedInDataExport_12-01-2026/Connections.csv", Encoding.UTF8.GetString(connections)))),
                "file",
                "Basic_LinkedInDataExport_12-01-2026.zip"
            },
        };

        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), form);
        var record = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("Connections.csv", "LinkedInConnections"), (record.GetProperty("fileName").GetString(), record.GetProperty("format").GetString()));
        Assert.Equal((18L, 18L, 0L, 0L, 0L), Counts(record));
        Assert.Equal(18, (await ContactsAsync(client)).Count);
        Assert.Equal(connections, await KeptUploadAsync(owner, record.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task An_archive_without_a_csv_is_400_naming_the_file_and_one_expanding_past_the_limit_is_413()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("zip")));

        using var noCsv = await PostCsvAsync(client, ZipBytes.Create(("Profile.txt", "Ada")));
        using var tooLarge = await PostCsvAsync(client, ZipBytes.Create(("Connections.csv", new string('a', 200_000))));
        var noCsvProblem = await JsonAsync(noCsv);
        var tooLargeProblem = await JsonAsync(tooLarge);

        Assert.Equal(HttpStatusCode.BadRequest, noCsv.StatusCode);
        Assert.Equal(("import.archive-no-csv", "file"), (noCsvProblem.GetProperty("code").GetString(), noCsvProblem.GetProperty("target").GetString()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(("import.archive-too-large", "Limits:MaxUploadBytes"), (tooLargeProblem.GetProperty("code").GetString(), tooLargeProblem.GetProperty("limit").GetString()));
        Assert.Empty(await ContactsAsync(client));
    }

    [Fact]
    public async Task An_excel_sheet_imports_as_its_first_sheet_and_the_csv_of_it_is_what_is_kept()
    {
        var owner = ApiApp.NewId("xlsx");
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(owner));
        var workbook = XlsxFile.Create(
        [
            ["First name", "Last name", "Email", "Company", "Met on"],
            ["Ada", "Lovelace", "ada@example.org", "Acme", new DateOnly(2024, 11, 14)],
            ["No", "Address", null, "Acme", null],
        ]);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(workbook), "file", "class visit.xlsx" } };

        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), form);
        var record = await JsonAsync(response);
        var id = record.GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("class visit.xlsx", record.GetProperty("fileName").GetString());
        Assert.Equal((2L, 1L, 0L, 0L, 1L), Counts(record));
        Assert.Equal(3, Assert.Single(record.GetProperty("rejected").EnumerateArray()).GetProperty("line").GetInt32());
        Assert.Equal(
            "First name,Last name,Email,Company,Met on\r\nAda,Lovelace,ada@example.org,Acme,2024-11-14\r\nNo,Address,,Acme\r\n",
            Encoding.UTF8.GetString(await KeptUploadAsync(owner, id)));
    }

    [Fact]
    public async Task A_vcard_file_from_a_phone_imports_a_row_per_card_on_the_lines_of_the_vcf()
    {
        var owner = ApiApp.NewId("vcf");
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(owner));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Sample("contacts.vcf")), "file", "contacts.vcf" } };

        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), form);
        var record = await JsonAsync(response);
        var id = record.GetProperty("id").GetString()!;
        var rows = await RowOutcomesAsync(client, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("contacts.vcf", record.GetProperty("fileName").GetString());
        Assert.Equal((6L, 3L, 1L, 0L, 2L), Counts(record));
        Assert.Equal([38, 45], record.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal(["2", "19", "29", "38", "45", "50"], rows.Skip(1).Select(r => r.Split(',')[0]));
        Assert.StartsWith("First name,Last name,Full name,Email,", Encoding.UTF8.GetString(await KeptUploadAsync(owner, id)), StringComparison.Ordinal); // the CSV is kept, not the photos
    }

    [Fact]
    public async Task An_opendocument_spreadsheet_is_415_saying_what_it_is_and_how_to_save_it_as_csv()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("ods")));
        var spreadsheet = ZipBytes.Create(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content/>"));

        using var response = await PostCsvAsync(client, spreadsheet);
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(("import.spreadsheet", "file"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.StartsWith("The file is an OpenDocument spreadsheet (.ods), not CSV.", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    private async Task<byte[]> KeptUploadAsync(string owner, string importId)
    {
        var storage = _app.Factory.Services.GetRequiredService<ImportStorage>();
        await using var blob = (await storage.Records.Blobs.OpenReadAsync(ImportBlobLayout.Upload(owner, importId), CancellationToken.None))!;
        using var copy = new MemoryStream();
        await blob.CopyToAsync(copy);
        return copy.ToArray();
    }
}
