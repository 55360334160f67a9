using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Imports;
using Outreach.Functions.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>GET /api/imports/{id}/rows on the real handler and real Azurite: every row of an import and what became of it.</summary>
public sealed class ImportRowsApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    // Files up to 64 KiB import at once.
    private readonly ApiApp _app = ApiApp.Start(azurite, ("Imports:SyncMaxBytes", "65536"));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Every_row_is_listed_with_its_outcome_though_the_record_lists_the_first_thousand()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("rows")));
        var file = new StringBuilder(NumberedPeople(1050, "Name,Email,Company", i => string.Create(CultureInfo.InvariantCulture, $"Person {i},p{i}@example.org,")));
        file.Append("Person 7,P7@Example.org,Initrode\n"); // line 1052: merges into line 9's contact, filling its company
        file.Append("Person 8,p8@example.org,\n"); // line 1053: the same as line 10, nothing to add
        file.Append("Nobody,nobody-at-example.org,\"Acme, Inc.\"\n"); // line 1054: refused

        using var posted = await PostCsvAsync(client, Encoding.UTF8.GetBytes(file.ToString()));
        var record = await JsonAsync(posted);
        var id = record.GetProperty("id").GetString()!;
        using var response = await client.GetAsync(new Uri($"/api/imports/{id}/rows", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal((1053L, 1050L, 2L, 0L, 1L), Counts(record));
        Assert.Equal(1000, record.GetProperty("accepted").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"rows-{id}.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.Equal(ImportRowsCsv.Header, lines[0]);
        Assert.Equal(1054, lines.Length);

        // The record's first thousand accepted rows are the file's, line for line; the file goes on past them.
        var listed = record.GetProperty("accepted").EnumerateArray().Select(a => $"{a.GetProperty("line").GetInt32()},accepted,{a.GetProperty("contactId").GetString()},,");
        Assert.Equal(listed, lines.Skip(1).Take(1000));
        Assert.Equal(Enumerable.Range(2, 1050), lines.Skip(1).Take(1050).Select(l => int.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)));
        Assert.All(lines.Skip(1).Take(1050), l => Assert.Equal("accepted", l.Split(',')[1]));
        var contactOf = lines.Skip(1).Take(1050).ToDictionary(l => l.Split(',')[0], l => l.Split(',')[2]);
        Assert.Equal($"1052,merged,{contactOf["9"]},company,", lines[1051]);
        Assert.Equal($"1053,merged,{contactOf["10"]},,", lines[1052]);
        Assert.Equal("1054,rejected,,,Email is not a valid email address: it has no @", lines[1053]);
    }

    [Fact]
    public async Task A_row_whose_notes_its_contact_has_no_room_for_is_merged_without_them_and_the_record_and_row_list_say_so()
    {
        // 37 notes of 4,000 characters fill a contact's 150,000 (ContactLimits.Notes); the 38th (line 39) finds no room.
        using var app = ApiApp.Start(azurite, ("Imports:SyncMaxBytes", "1048576"));
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ApiApp.NewId("full")));
        var file = new StringBuilder("First name,Last name,Email,Position,What we talked about\n");
        for (var i = 1; i <= 38; i++)
        {
            file.Append(CultureInfo.InvariantCulture, $"Ada,Lovelace,ada@example.org,{(i == 38 ? "Engineer" : string.Empty)},{$"Note {i}: ".PadRight(4000, 'x')}\n");
        }

        using var posted = await PostCsvAsync(client, Encoding.UTF8.GetBytes(file.ToString()));
        var record = await JsonAsync(posted);
        var rows = await RowOutcomesAsync(client, record.GetProperty("id").GetString()!);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal((38L, 1L, 37L, 0L, 0L), Counts(record));
        var merged = record.GetProperty("merged").EnumerateArray().ToList();
        Assert.All(merged.SkipLast(1), m => Assert.False(m.TryGetProperty("notAdded", out _)));
        var last = merged[^1];
        Assert.Equal(39, last.GetProperty("line").GetInt32());
        Assert.Equal(["position"], last.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        var notAdded = Assert.Single(last.GetProperty("notAdded").EnumerateArray().ToList());
        Assert.Equal("What we talked about", notAdded.GetProperty("field").GetString());
        Assert.StartsWith("was not added: the contact's notes would pass 150,000 characters", notAdded.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("1 row was merged into contacts with no room left for some of their notes", record.GetProperty("message").GetString(), StringComparison.Ordinal);
        var contactId = last.GetProperty("contactId").GetString();
        Assert.Equal(
            $"39,merged,{contactId},position,\"What we talked about was not added: the contact's notes would pass 150,000 characters, the most a contact keeps; the rest of the row was merged\"",
            rows[^1]);
    }

    [Fact]
    public async Task An_address_left_out_of_a_cell_of_several_is_named_by_the_record_and_the_row_list_but_never_quoted()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("several")));
        var file = "First name,Last name,Email\n" +
                   "Ada,Lovelace,\"Ada Lovelace <ada@example.org>; ada at home\"\n" +
                   ",,\"\"\"Babbage, Charles\"\" <charles@example.org>\"\n";

        using var posted = await PostCsvAsync(client, Encoding.UTF8.GetBytes(file));
        var record = await JsonAsync(posted);
        var rows = await RowOutcomesAsync(client, record.GetProperty("id").GetString()!);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal((2L, 2L, 0L, 0L, 0L), Counts(record));
        var accepted = record.GetProperty("accepted").EnumerateArray().ToList();
        var notAdded = Assert.Single(accepted[0].GetProperty("notAdded").EnumerateArray().ToList());
        Assert.Equal(("Email", "holds a 2nd address, left out of the contact: it is not a valid email address (it has no @)"), (notAdded.GetProperty("field").GetString(), notAdded.GetProperty("reason").GetString()));
        Assert.False(accepted[1].TryGetProperty("notAdded", out _));
        Assert.StartsWith("1 row was imported by its first address", record.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal($"2,accepted,{accepted[0].GetProperty("contactId").GetString()},,\"Email holds a 2nd address, left out of the contact: it is not a valid email address (it has no @)\"", rows[1]);
        Assert.DoesNotContain("ada at home", string.Join("\n", rows), StringComparison.Ordinal);

        var charles = (await ContactsAsync(client)).Single(c => c.GetProperty("id").GetString() == accepted[1].GetProperty("contactId").GetString());
        Assert.Equal("Charles Babbage", charles.GetProperty("fullName").GetString()); // the name his address was written with
    }

    [Fact]
    public async Task Reimporting_the_file_lists_every_row_as_already_known_with_its_contact()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("again")));
        var file = Sample("linkedin-Connections.csv");
        using var first = await PostCsvAsync(client, file);
        var firstRows = await RowOutcomesAsync(client, (await JsonAsync(first)).GetProperty("id").GetString()!);

        using var second = await PostCsvAsync(client, file);
        var secondRows = await RowOutcomesAsync(client, (await JsonAsync(second)).GetProperty("id").GetString()!);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(firstRows.Length > 10);
        Assert.Equal(firstRows.Length, secondRows.Length);
        Assert.Equal(["already known"], secondRows.Skip(1).Select(r => r.Split(',')[1]).Distinct());
        Assert.Equal(firstRows.Skip(1).Select(r => (r.Split(',')[0], r.Split(',')[2])), secondRows.Skip(1).Select(r => (r.Split(',')[0], r.Split(',')[2])));
    }

    [Fact]
    public async Task Erasing_a_contact_takes_its_rows_out_of_the_list_past_the_first_thousand_too()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("erase")));
        using var posted = await PostCsvAsync(client, Encoding.UTF8.GetBytes(NumberedPeople(1010)));
        var record = await JsonAsync(posted);
        var id = record.GetProperty("id").GetString()!;
        var before = await RowOutcomesAsync(client, id);
        var erasedId = before[1006].Split(',')[2]; // line 1007, Person 1005: not among the accepted rows the record lists

        using var erased = await client.DeleteAsync(new Uri($"/api/contacts/{erasedId}", UriKind.Relative));
        var after = await RowOutcomesAsync(client, id);
        using var redacted = await client.GetAsync(new Uri($"/api/imports/{id}", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NoContent), (posted.StatusCode, erased.StatusCode));
        Assert.DoesNotContain(record.GetProperty("accepted").EnumerateArray(), a => a.GetProperty("contactId").GetString() == erasedId);
        Assert.Equal(before.Where(l => !l.StartsWith("1007,", StringComparison.Ordinal)), after);
        Assert.Equal(1010, after.Length);
        Assert.Equal(1, (await JsonAsync(redacted)).GetProperty("erasedRows").GetInt32());
    }

    [Fact]
    public async Task An_import_completed_before_rows_were_kept_says_so_with_404()
    {
        var ownerId = ApiApp.NewId("old");
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ownerId));
        using var posted = await PostCsvAsync(client, "Name,Email\nAna Lima,ana@example.org\n"u8.ToArray());
        var id = (await JsonAsync(posted)).GetProperty("id").GetString()!;
        await _app.Factory.Services.GetRequiredService<StorageAccount>().GetBlobContainer(ImportBlobLayout.Container).DeleteAsync(ImportBlobLayout.Rows(ownerId, id));

        using var response = await client.GetAsync(new Uri($"/api/imports/{id}/rows", UriKind.Relative));
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("import.rows-not-kept", problem.GetProperty("code").GetString());
        Assert.Contains($"/api/imports/{id}/rejected", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }
}
