using System.Net;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// POST /api/imports?check=true: the report an import would give, against the owner's stored contacts, with nothing
/// stored. On the real handler and Azurite; files up to 3,000 bytes are imported (and checked) at once here.
/// </summary>
public sealed class ImportCheckTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly ApiApp _app = ApiApp.Start(azurite, ("Imports:SyncMaxBytes", "3000"));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_check_reports_what_the_import_would_do_and_stores_nothing()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("check")));

        using var response = await PostCsvAsync(client, Sample(Path.Combine("bad", "class-visit-bad-rows.csv")), "?check=true");
        var report = await JsonAsync(response);
        using var imports = await client.GetAsync(new Uri("/api/imports", UriKind.Relative));
        using var stored = await client.GetAsync(new Uri($"/api/imports/{report.GetProperty("id").GetString()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("checked", report.GetProperty("status").GetString());
        Assert.Equal((10L, 2L, 0L, 0L, 8L), Counts(report)); // as samples/README.md documents for an import
        Assert.Equal([2, 3, 4, 5, 6, 7, 10, 11], report.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()).Distinct());
        Assert.Empty(await ContactsAsync(client));
        Assert.Empty((await JsonAsync(imports)).GetProperty("imports").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task A_check_after_an_import_finds_every_row_already_known()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("check")));
        using (var imported = await PostCsvAsync(client, Sample("linkedin-Connections.csv")))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        using var response = await PostCsvAsync(client, Sample("linkedin-Connections.csv"), "?check=true");

        Assert.Equal((18L, 0L, 0L, 18L, 0L), Counts(await JsonAsync(response)));
        Assert.Equal(18, (await ContactsAsync(client)).Count);
    }

    [Theory]
    [InlineData("class-visit.csv", "?check=true", "check reads files of up to 3000 bytes (Imports:SyncMaxBytes); import this one, and its report lists the same.")]
    [InlineData("linkedin-Connections.csv", "?check=maybe", "check must be true or false.")]
    public async Task A_check_of_a_file_too_large_to_wait_for_or_a_bad_flag_is_400_naming_check(string sample, string query, string title)
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("check")));

        using var response = await PostCsvAsync(client, Sample(sample), query);
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("check", title), (problem.GetProperty("target").GetString(), problem.GetProperty("title").GetString()));
        Assert.Empty(await ContactsAsync(client));
    }
}
