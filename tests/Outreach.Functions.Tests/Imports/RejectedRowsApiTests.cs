using System.Globalization;
using System.Net;
using System.Text;
using Outreach.Core.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>GET /api/imports/{id}/rejected on the real handler and real Azurite: every rejected row as a CSV to fix and import again.</summary>
public sealed class RejectedRowsApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    // Files up to 16 KiB import at once; larger ones are queued (and stay queued: this app runs no queue function).
    private readonly ApiApp _app = ApiApp.Start(azurite, ("Imports:SyncMaxBytes", "16384"));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_rejected_rows_of_the_bad_rows_sample_download_as_csv_with_their_lines_and_reasons()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("rej")));
        var id = await ImportAsync(client, Sample(Path.Combine("bad", "class-visit-bad-rows.csv")));

        using var response = await client.GetAsync(new Uri($"/api/imports/{id}/rejected", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"rejected-rows-{id}.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);

        // samples/README.md documents 8 rejected rows in this file, on these lines.
        Assert.Equal(
            "Import error,First name,Last name,Email,LinkedIn URL,Company,Position,Event,Met on,What we talked about,What I can offer,Tags",
            lines[0]);
        Assert.Equal(
            ["Line 2:", "Line 3:", "Line 4:", "Line 5:", "Line 6:", "Line 7:", "Line 10:", "Line 11:"],
            lines.Skip(1).Select(l => l.TrimStart('"')[..(l.TrimStart('"').IndexOf(':', StringComparison.Ordinal) + 1)]));
        Assert.Equal("Line 2: Email is not a valid email address: it has nothing after the @,John,Smith,john@,,Initrode,Analyst,Class visit: Initrode,2024-11-14,Budgeting tools,,", lines[1]);

        // Line 10 opens a quote it never closes: its text goes whole into one cell, so it swallows none of the lines after it.
        Assert.EndsWith(
            RejectedRowsCsv.UnclosedQuoteNote + "\",\"Kim,Ng,kim.ng@initrode.example,,Initrode,\"\"Data Scientist,Class visit: Initrode,2024-11-14,,,\"", lines[7], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_rejected_row_is_in_the_csv_though_the_record_lists_the_first_thousand()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("many")));
        var file = NumberedPeople(1100, line: i => string.Create(CultureInfo.InvariantCulture, $"P {i},p{i}"));

        using var posted = await PostCsvAsync(client, Encoding.UTF8.GetBytes(file));
        var record = await JsonAsync(posted);
        using var response = await client.GetAsync(new Uri($"/api/imports/{record.GetProperty("id").GetString()}/rejected", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal((1100L, 0L, 0L, 0L, 1100L), Counts(record));
        Assert.Equal((1000, 100), (record.GetProperty("rejected").GetArrayLength(), record.GetProperty("rejectedNotListed").GetInt32()));
        Assert.Equal(1101, lines.Length);
        Assert.Equal("Line 1101: Email is not a valid email address: it has no @,P 1099,p1099", lines[^1]);
    }

    [Fact]
    public async Task The_file_is_read_again_as_it_was_imported_so_a_date_the_culture_settled_is_not_listed()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("culture")));
        var file = "Name,Email,Met on\nAna Lima,ana@example.org,03/04/2024\nRaj Patel,raj-at-example.org,14/11/2024\n"u8.ToArray();

        using var posted = await PostCsvAsync(client, file, "?dateCulture=en-GB");
        var record = await JsonAsync(posted);
        using var response = await client.GetAsync(new Uri($"/api/imports/{record.GetProperty("id").GetString()}/rejected", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal((2L, 1L, 0L, 0L, 1L), Counts(record));
        Assert.Equal(["Import error,Name,Email,Met on", "Line 3: Email is not a valid email address: it has no @,Raj Patel,raj-at-example.org,14/11/2024"], lines);
    }

    [Theory]
    [InlineData("rejected", "rejected rows")]
    [InlineData("rows", "rows")] // every row's outcome (ImportRowsApiTests)
    public async Task A_listing_of_an_import_that_has_not_completed_answers_409_and_of_a_missing_one_404(string listing, string named)
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("wait")));
        using var posted = await PostCsvAsync(client, Encoding.UTF8.GetBytes(NumberedPeople(1000)));
        var id = (await JsonAsync(posted)).GetProperty("id").GetString();

        using var queued = await client.GetAsync(new Uri($"/api/imports/{id}/{listing}", UriKind.Relative));
        using var missing = await client.GetAsync(new Uri($"/api/imports/20260101000000000-aaaaaaaa/{listing}", UriKind.Relative));
        var problem = await JsonAsync(queued);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, queued.StatusCode);
        Assert.Equal(("import.not-completed", "id"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Equal($"The import is queued: its {named} can be listed once it has completed.", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<string> ImportAsync(HttpClient client, byte[] file)
    {
        using var response = await PostCsvAsync(client, file);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetString()!;
    }
}
