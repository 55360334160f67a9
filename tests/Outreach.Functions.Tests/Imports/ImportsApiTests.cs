using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Outreach.Core.Campaigns;
using Outreach.Core.Senders;
using Outreach.Functions.Tests.Support;
using Outreach.Storage;
using Outreach.Storage.Stores;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>POST/GET /api/imports and GET /api/contacts on the real handler and real Azurite, small files (imported during the request).</summary>
public sealed class ImportsApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly ApiApp _app = ApiApp.Start(azurite, ("Limits:MaxUploadBytes", "65536"));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Class_visit_sample_imports_at_once_with_exact_counts_and_is_listed_and_readable()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("cv")));

        using var response = await PostCsvAsync(client, Sample("class-visit.csv"));
        var record = await JsonAsync(response);
        var id = record.GetProperty("id").GetString()!;
        using var get = await client.GetAsync(new Uri($"/api/imports/{id}", UriKind.Relative));
        using var list = await client.GetAsync(new Uri("/api/imports", UriKind.Relative));
        var contacts = await ContactsAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", record.GetProperty("status").GetString());
        Assert.Equal("ClassVisitSheet", record.GetProperty("format").GetString());
        Assert.Equal((20L, 19L, 1L, 0L, 0L), Counts(record));
        var merged = Assert.Single(record.GetProperty("merged").EnumerateArray());
        var accepted = record.GetProperty("accepted").EnumerateArray().ToList();
        Assert.Equal(20, merged.GetProperty("line").GetInt32());
        Assert.Empty(merged.GetProperty("fields").EnumerateArray()); // Amara's second row adds an event, notes and a tag, but fills no empty field
        Assert.Equal(Enumerable.Range(2, 18).Append(21), accepted.Select(a => a.GetProperty("line").GetInt32()));
        Assert.Equal(accepted[0].GetProperty("contactId").GetString(), merged.GetProperty("contactId").GetString());
        Assert.False(record.TryGetProperty("notReadFromLine", out var notRead) && notRead.ValueKind != JsonValueKind.Null);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal((20L, 19L, 1L, 0L, 0L), Counts(await JsonAsync(get)));
        var listed = Assert.Single((await JsonAsync(list)).GetProperty("imports").EnumerateArray());
        Assert.Equal((id, "completed", "upload.csv"), (listed.GetProperty("id").GetString(), listed.GetProperty("status").GetString(), listed.GetProperty("fileName").GetString()));
        Assert.Equal(19, contacts.Count);
        var amara = contacts.Single(c => c.GetProperty("fullName").GetString() == "Amara Okafor");
        Assert.True(amara.GetProperty("hasEmail").GetBoolean());
        Assert.False(amara.TryGetProperty("email", out _));
        Assert.Equal(["Class visit: Northwind Traders", "Alumni evening"], amara.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        using var one = await client.GetAsync(new Uri($"/api/contacts/{amara.GetProperty("id").GetString()}", UriKind.Relative));
        Assert.Equal("Northwind Traders", (await JsonAsync(one)).GetProperty("company").GetString());
    }

    [Fact]
    public async Task Importing_the_same_file_again_reports_every_row_already_known_and_changes_nothing()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("again")));
        using var first = await PostCsvAsync(client, Sample("linkedin-Connections.csv"));
        var before = (await ContactsAsync(client)).Select(c => c.GetRawText()).ToList();

        using var second = await PostCsvAsync(client, Sample("linkedin-Connections.csv"));
        var after = (await ContactsAsync(client)).Select(c => c.GetRawText()).ToList();

        Assert.Equal((18L, 18L, 0L, 0L, 0L), Counts(await JsonAsync(first)));
        Assert.Equal((18L, 0L, 0L, 18L, 0L), Counts(await JsonAsync(second)));
        Assert.Equal(18, after.Count);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Contacts_come_a_page_at_a_time_each_once_and_a_continuation_not_handed_out_is_refused_naming_it()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("pages")));
        using var imported = await PostCsvAsync(client, Sample("linkedin-Connections.csv"));
        var all = (await ContactsAsync(client)).Select(c => c.GetProperty("id").GetString()).ToList();

        var paged = new List<string?>();
        string? continuation = null;
        do
        {
            var query = "/api/contacts?take=5" + (continuation is null ? string.Empty : "&continuation=" + Uri.EscapeDataString(continuation));
            using var page = await client.GetAsync(new Uri(query, UriKind.Relative));
            var body = await JsonAsync(page);
            paged.AddRange(body.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
            continuation = body.GetProperty("continuation").GetString();
        }
        while (continuation is not null);

        using var bad = await client.GetAsync(new Uri("/api/contacts?continuation=bm90LWEtdG9rZW4", UriKind.Relative));

        Assert.Equal(18, all.Count);
        Assert.Equal(all, paged);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("continuation", (await JsonAsync(bad)).GetProperty("target").GetString());
    }

    [Fact]
    public async Task Each_imported_contact_counts_once_as_met_however_often_the_file_is_imported()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("met")));

        using var first = await PostCsvAsync(client, Sample("class-visit.csv"));
        using var second = await PostCsvAsync(client, Sample("class-visit.csv"));
        using var metrics = await client.GetAsync(new Uri("/api/metrics?from=2024-01-01&to=2024-12-31&groupBy=owner", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode, metrics.StatusCode));
        var row = Assert.Single((await JsonAsync(metrics)).GetProperty("rows").EnumerateArray());
        Assert.Equal(19L, row.GetProperty("contactsMet").GetInt64());
    }

    [Theory]
    [InlineData("?fileName=Connections.csv", null, "Connections.csv")]
    [InlineData("?fileName=C%3A%5CUsers%5Cana%5CMy%20contacts.csv", null, "My contacts.csv")] // a client's full path: the name alone
    [InlineData("", "attachment; filename=\"Class visit.csv\"", "Class visit.csv")]
    [InlineData("", "attachment; filename*=UTF-8''Kontakte%20M%C3%BCnchen.csv", "Kontakte München.csv")]
    [InlineData("?fileName=named.csv", "attachment; filename=\"header.csv\"", "named.csv")]
    [InlineData("?fileName=..%2F..%2Fcontacts%0D%0A.csv", null, "contacts.csv")] // folders and line breaks dropped
    [InlineData("", null, "upload.csv")]
    public async Task A_file_posted_as_the_body_is_named_by_fileName_or_its_content_disposition(string query, string? disposition, string expected)
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("name")));
        var content = new ByteArrayContent("Name,Email\nAna Lima,ana@example.org\n"u8.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        if (disposition is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Disposition", disposition);
        }

        using var response = await client.PostAsync(new Uri("/api/imports" + query, UriKind.Relative), content);
        using var list = await client.GetAsync(new Uri("/api/imports", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (await JsonAsync(response)).GetProperty("fileName").GetString());
        Assert.Equal(expected, Assert.Single((await JsonAsync(list)).GetProperty("imports").EnumerateArray()).GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Multipart_upload_takes_the_file_and_applies_the_event_and_date_from_the_form()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("form")));
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Sample("linkedin-Connections.csv")), "file", "Connections.csv" },
            { new StringContent("Careers fair 2024"), "event" },
            { new StringContent("2024-11-20"), "metOn" },
        };

        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), form);
        var record = await JsonAsync(response);
        var contacts = await ContactsAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("Connections.csv", "LinkedInConnections", "Careers fair 2024", "2024-11-20"),
            (record.GetProperty("fileName").GetString(), record.GetProperty("format").GetString(), record.GetProperty("event").GetString(), record.GetProperty("metOn").GetString()));
        Assert.Equal((18L, 18L, 0L, 0L, 0L), Counts(record));
        Assert.All(contacts, c => Assert.Equal(("Careers fair 2024", "2024-11-20"),
            (c.GetProperty("events")[0].GetProperty("name").GetString(), c.GetProperty("events")[0].GetProperty("metOn").GetString())));
    }

    [Fact]
    public async Task Rejected_rows_are_reported_with_line_field_reason_and_their_original_text()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("bad")));
        var file = "Name,Email,Company\nAda Lovelace,ada@analytical.example,Engines\nBroken Row,not-an-email,Engines\n"u8.ToArray();

        using var response = await PostCsvAsync(client, file);
        var record = await JsonAsync(response);

        Assert.Equal((2L, 1L, 0L, 0L, 1L), Counts(record));
        var rejected = Assert.Single(record.GetProperty("rejected").EnumerateArray());
        var error = Assert.Single(rejected.GetProperty("errors").EnumerateArray());
        Assert.Equal((3, "Email", "Broken Row,not-an-email,Engines", false),
            (rejected.GetProperty("line").GetInt32(), error.GetProperty("field").GetString(), rejected.GetProperty("text").GetString(), rejected.GetProperty("textTruncated").GetBoolean()));
        Assert.StartsWith("is not a valid email address", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_wrong_in_several_fields_is_one_rejected_entry_listing_each_with_its_text_once()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("many")));
        var file = "Name,Email,Met on\nBroken Row,not-an-email,31 Feb 2024\nAda Lovelace,ada@example.org,\n"u8.ToArray();

        using var response = await PostCsvAsync(client, file);
        var record = await JsonAsync(response);

        var rejected = Assert.Single(record.GetProperty("rejected").EnumerateArray());
        Assert.Equal(["Email", "Met on"], rejected.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Equal("Broken Row,not-an-email,31 Feb 2024", rejected.GetProperty("text").GetString());
        Assert.Equal(record.GetProperty("counts").GetProperty("rejected").GetInt32(), record.GetProperty("rejected").GetArrayLength() + record.GetProperty("rejectedNotListed").GetInt32());
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("?dateCulture=en-GB", "2024-04-03")]
    [InlineData("?dateCulture=en-US", "2024-03-04")]
    public async Task A_numeric_date_whose_order_is_unclear_is_refused_unless_the_import_names_a_date_culture(string query, string? metOn)
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("date")));
        var file = "Name,Email,Met on\nAna Lima,ana@example.org,03/04/2024\n"u8.ToArray();

        using var response = await PostCsvAsync(client, file, query);
        var record = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (metOn is null)
        {
            Assert.Equal((1L, 0L, 0L, 0L, 1L), Counts(record));
            Assert.StartsWith("'03/04/2024' is ambiguous", record.GetProperty("rejected")[0].GetProperty("errors")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal((1L, 1L, 0L, 0L, 0L), Counts(record));
            Assert.Equal(query[(query.IndexOf('=', StringComparison.Ordinal) + 1)..], record.GetProperty("dateCulture").GetString());
            Assert.Equal(metOn, (await ContactsAsync(client))[0].GetProperty("events")[0].GetProperty("metOn").GetString());
        }
    }

    [Theory]
    [InlineData("xx-NOPE")]
    [InlineData("invariant")]
    public async Task An_unknown_date_culture_is_a_400_naming_the_parameter(string culture)
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("culture")));

        using var response = await PostCsvAsync(client, "Name,Email\nAda,ada@example.org\n"u8.ToArray(), $"?dateCulture={culture}");
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("dateCulture", problem.GetProperty("target").GetString());
        Assert.Empty(await ContactsAsync(client));
    }

    [Fact]
    public async Task Upload_over_the_upload_limit_gets_413_naming_the_limit()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("big")));
        var file = Encoding.UTF8.GetBytes(NumberedPeople(3000));

        using var response = await PostCsvAsync(client, file);
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(("Limits:MaxUploadBytes", 65536), (problem.GetProperty("limit").GetString(), problem.GetProperty("limitValue").GetInt32()));
    }

    [Fact]
    public async Task Binary_data_named_csv_gets_415()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("bin")));
        var png = new byte[4096];
        new Random(7).NextBytes(png);
        "\u0089PNG\r\n\u001a\n"u8.ToArray().CopyTo(png, 0);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(png), "file", "contacts.csv" } };

        using var response = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), form);
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("import.not-text", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task File_without_a_recognisable_header_gets_400_listing_the_known_headers()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("hdr")));

        using var response = await PostCsvAsync(client, "Colour,Size\nred,10\nblue,12\n"u8.ToArray());
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("import.no-header", "file"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Contains("known headers:", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("LinkedIn URL", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_format_or_bad_date_gets_400_naming_the_parameter()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("prm")));

        using var format = await PostCsvAsync(client, Sample("class-visit.csv"), "?format=vcard");
        using var date = await PostCsvAsync(client, Sample("class-visit.csv"), "?metOn=14/11/2024");
        using var noSuchDay = await PostCsvAsync(client, Sample("class-visit.csv"), "?metOn=2024-02-30");

        Assert.Equal((HttpStatusCode.BadRequest, "format"), (format.StatusCode, (await JsonAsync(format)).GetProperty("target").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "metOn"), (date.StatusCode, (await JsonAsync(date)).GetProperty("target").GetString()));
        var problem = await JsonAsync(noSuchDay);
        Assert.Equal((HttpStatusCode.BadRequest, "metOn"), (noSuchDay.StatusCode, problem.GetProperty("target").GetString()));
        Assert.Equal("metOn must be a day of the calendar written yyyy-MM-dd; '2024-02-30' is not one.", problem.GetProperty("title").GetString());
        Assert.Empty(await ContactsAsync(client));
    }

    [Fact]
    public async Task Another_owners_import_and_contact_answer_404()
    {
        using var owner = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("own")));
        using var other = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("oth")));
        using var posted = await PostCsvAsync(owner, Sample("class-visit.csv"));
        var id = (await JsonAsync(posted)).GetProperty("id").GetString();
        var contactId = (await ContactsAsync(owner))[0].GetProperty("id").GetString();

        using var import = await other.GetAsync(new Uri($"/api/imports/{id}", UriKind.Relative));
        using var contact = await other.GetAsync(new Uri($"/api/contacts/{contactId}", UriKind.Relative));
        using var list = await other.GetAsync(new Uri("/api/imports", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (import.StatusCode, contact.StatusCode));
        Assert.Empty((await JsonAsync(list)).GetProperty("imports").EnumerateArray());
        Assert.Empty(await ContactsAsync(other));
    }

    [Fact]
    public async Task Import_with_a_campaign_enrols_every_accepted_and_merged_contact()
    {
        var (ownerId, client, stores) = await OwnerWithSenderProfileAsync("camp");
        using var _ = client;

        using var response = await PostCsvAsync(client, Sample("class-visit.csv"), $"?campaign={DefaultCampaigns.ClassVisitFollowUpId}");
        var record = await JsonAsync(response);
        var withTasks = (await TasksPerContactAsync(client, stores, ownerId)).Count(tasks => tasks > 0);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((19, DefaultCampaigns.ClassVisitFollowUpId, JsonValueKind.Null),
            (record.GetProperty("enrolled").GetInt32(), record.GetProperty("campaign").GetString(), record.GetProperty("error").ValueKind));
        Assert.Equal(19, withTasks);
    }

    [Fact]
    public async Task A_file_uploaded_again_with_a_campaign_enrols_the_contacts_it_brought_before_and_a_third_time_plans_nothing_twice()
    {
        var (ownerId, client, stores) = await OwnerWithSenderProfileAsync("again");
        using var _ = client;
        async Task<int> TaskCountAsync() => (await TasksPerContactAsync(client, stores, ownerId)).Sum();

        using var first = await PostCsvAsync(client, Sample("class-visit.csv"));
        var tasksBefore = await TaskCountAsync();
        using var again = await PostCsvAsync(client, Sample("class-visit.csv"), $"?campaign={DefaultCampaigns.ClassVisitFollowUpId}");
        var record = await JsonAsync(again);
        var tasksAfter = await TaskCountAsync();
        using var third = await PostCsvAsync(client, Sample("class-visit.csv"), $"?campaign={DefaultCampaigns.ClassVisitFollowUpId}");
        var tasksAfterThird = await TaskCountAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode, third.StatusCode));
        Assert.Equal(0, tasksBefore);
        // Every row is already known, and every contact is enrolled all the same.
        Assert.Equal((20, 0), (record.GetProperty("counts").GetProperty("alreadyKnown").GetInt32(), record.GetProperty("counts").GetProperty("accepted").GetInt32()));
        Assert.Equal(19, record.GetProperty("enrolled").GetInt32());
        Assert.True(tasksAfter >= 19, $"{tasksAfter} tasks");
        Assert.Equal(tasksAfter, tasksAfterThird);
    }

    [Fact]
    public async Task Unknown_campaign_gets_400_and_imports_nothing()
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("nocamp")));

        using var response = await PostCsvAsync(client, Sample("class-visit.csv"), "?campaign=no-such-campaign");

        Assert.Equal((HttpStatusCode.BadRequest, "campaign"), (response.StatusCode, (await JsonAsync(response)).GetProperty("target").GetString()));
        Assert.Empty(await ContactsAsync(client));
    }

    /// <summary>A new owner with a sender profile (enrolment needs one), a client with their key, and the app's stores.</summary>
    private async Task<(string OwnerId, HttpClient Client, TableStores Stores)> OwnerWithSenderProfileAsync(string prefix)
    {
        var ownerId = ApiApp.NewId(prefix);
        var client = _app.Client(await _app.CreateAccountWithKeyAsync(ownerId));
        var stores = new TableStores(StorageAccount.FromConnectionString(azurite.ConnectionString));
        await stores.CreateTablesAsync(CancellationToken.None);
        await stores.Senders.SaveAsync(
            new SenderProfile { OwnerId = ownerId, FirstName = "Sam", LastName = "Student", Email = "sam@students.example.edu", Signature = "Sam" }, CancellationToken.None);
        return (ownerId, client, stores);
    }

    /// <summary>How many tasks each of the owner's contacts has.</summary>
    private static async Task<List<int>> TasksPerContactAsync(HttpClient client, TableStores stores, string ownerId)
    {
        var counts = new List<int>();
        foreach (var contact in await ContactsAsync(client))
        {
            counts.Add((await stores.Tasks.ListForContactAsync(ownerId, contact.GetProperty("id").GetString()!, CancellationToken.None)).Count);
        }

        return counts;
    }
}
