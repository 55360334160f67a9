using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Outreach.Core.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// The encoding an uploader declares (the body's or the file part's content type, or <c>charset</c>) is how the file is
/// read: files detection cannot tell (ISO-8859-15, Shift_JIS) keep their letters; a bad one is a 400 naming it.
/// </summary>
public sealed class DeclaredCharsetApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly ApiApp _app = ApiApp.Start(azurite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_charset_of_the_bodys_content_type_is_how_the_file_is_read()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("latin9")));
        var content = new ByteArrayContent(Latin9("Šimon", "Žák"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv; charset=ISO-8859-15");

        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), content);
        var record = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ISO-8859-15", record.GetProperty("charset").GetString());
        Assert.Equal("Šimon Žák", (await ContactsAsync(client)).Single().GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task The_charset_of_a_form_uploads_file_part_is_how_the_file_is_read()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("sjis")));
        var file = new ByteArrayContent(DeclaredCharset.Resolve("shift_jis").GetBytes("First Name,Last Name,Email\n太郎,田中,taro@example.jp\n"));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv; charset=shift_jis");
        using var form = new MultipartFormDataContent { { file, "file", "contacts.csv" } };

        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("太郎 田中", (await ContactsAsync(client)).Single().GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task The_charset_parameter_overrides_the_content_type()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("override")));
        var content = new ByteArrayContent(Latin9("Šimon", "Žák"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv; charset=windows-1252");

        using var response = await client.PostAsync(new Uri("/api/imports?charset=iso-8859-15", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Šimon Žák", (await ContactsAsync(client)).Single().GetProperty("fullName").GetString());
    }

    [Theory]
    [InlineData("?charset=klingon", "text/csv", "not an encoding")]
    [InlineData("", "text/csv; charset=utf-8", "not UTF-8")] // the bytes are ISO-8859-15
    public async Task A_charset_that_cannot_read_the_file_is_a_400_naming_charset_and_nothing_is_imported(string query, string type, string reason)
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("bad")));
        var content = new ByteArrayContent(Latin9("Šimon", "Žák"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);

        using var response = await client.PostAsync(new Uri("/api/imports" + query, UriKind.Relative), content);
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("import.bad-parameter", "charset"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Contains(reason, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Empty(await ContactsAsync(client));
    }

    [Fact]
    public async Task A_queued_import_is_read_with_the_charset_it_was_uploaded_with()
    {
        using var root = TestAppRoot.CreateWithImports(maxDequeueCount: 3);
        await using var app = FunctionAppFactory.WithRunner(root.Path, FunctionAppFactory.RunnerSettings(azurite.ConnectionString, ("Imports:SyncMaxBytes", "1024")), _ => { })
            .StartWithRunner();
        using var client = app.ClientWithKey(await app.CreateAccountWithKeyAsync(ApiApp.NewId("queued")));
        var people = NumberedPeople(60, "First Name,Last Name,Email", i => $"Šimon,Žák{i},simon{i}@example.cz");
        var content = new ByteArrayContent(DeclaredCharset.Resolve("iso-8859-15").GetBytes(people));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv; charset=iso-8859-15");

        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), content);
        var record = await WaitForFinishedAsync(client, response.Headers.Location!);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("completed", record.GetProperty("status").GetString());
        Assert.Equal((60L, 60L, 0L, 0L, 0L), Counts(record));
        Assert.All(await ContactsAsync(client), c => Assert.StartsWith("Šimon Žák", c.GetProperty("fullName").GetString(), StringComparison.Ordinal));
    }

    private static byte[] Latin9(string first, string last) =>
        DeclaredCharset.Resolve("iso-8859-15").GetBytes($"First Name,Last Name,Email\n{first},{last},simon@example.cz\n");
}
