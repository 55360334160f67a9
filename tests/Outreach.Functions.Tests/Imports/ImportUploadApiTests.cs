using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>How <c>POST /api/imports</c> takes its file: any body type, or a multipart form with one file; a form it cannot read is a 400 problem.</summary>
public sealed class ImportUploadApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly byte[] OnePerson = "Name,Email\nAda Lovelace,ada@example.org\n"u8.ToArray();

    private readonly ApiApp _app = ApiApp.Start(azurite);

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("text/csv; charset=utf-8")]
    [InlineData("TEXT/CSV")]
    [InlineData("text/plain")]
    [InlineData("application/csv")]
    [InlineData("application/octet-stream")]
    [InlineData("application/vnd.ms-excel")] // what a browser says for a .csv on Windows
    [InlineData("application/x-www-form-urlencoded")] // curl's type for --data-binary @Connections.csv
    public async Task A_file_sent_as_the_body_is_imported_whatever_type_it_is_sent_as(string? type)
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("type")));
        var content = new ByteArrayContent(OnePerson);
        if (type is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", type);
        }

        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal((1L, 1L, 0L, 0L, 0L), Counts(await JsonAsync(response)));
    }

    [Theory]
    [InlineData("multipart/form-data")] // no boundary
    [InlineData("multipart/form-data; boundary=XYZ")] // a boundary the body never has
    public async Task A_body_that_is_not_the_multipart_form_its_type_says_is_a_400_naming_the_file(string type)
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("form")));
        var content = new ByteArrayContent(OnePerson);
        content.Headers.TryAddWithoutValidation("Content-Type", type);

        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), content);
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("import.bad-parameter", "file"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Contains("not a readable multipart form", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Empty(await ContactsAsync(client));
    }

    [Fact]
    public async Task A_form_with_two_files_is_refused_whole_rather_than_one_dropped_silently()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("two")));
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(OnePerson), "file", "a.csv" },
            { new ByteArrayContent("Name,Email\nGrace Hopper,grace@example.org\n"u8.ToArray()), "file", "b.csv" },
        };

        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), form);
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("file", problem.GetProperty("target").GetString());
        Assert.Contains("2 files", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Empty(await ContactsAsync(client));
    }

    [Theory]
    [InlineData("LinkedInConnections,GoogleContacts")] // Enum.TryParse ORs a list into OutlookContacts
    [InlineData("Generic, ClassVisitSheet")]
    [InlineData("2")]
    public async Task A_format_that_is_not_one_format_name_is_a_400_naming_format(string format)
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("fmt")));

        using var response = await PostCsvAsync(client, OnePerson, "?format=" + Uri.EscapeDataString(format));
        var problem = await JsonAsync(response);

        Assert.Equal((HttpStatusCode.BadRequest, "format"), (response.StatusCode, problem.GetProperty("target").GetString()));
        Assert.Empty(await ContactsAsync(client));
    }

    [Fact]
    public async Task A_format_named_in_any_case_is_used()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("fmtok")));

        using var response = await PostCsvAsync(client, Encoding.UTF8.GetBytes("Name,Email\nAda Lovelace,ada@example.org\n"), "?format=generic");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Generic", (await JsonAsync(response)).GetProperty("format").GetString());
    }
}
