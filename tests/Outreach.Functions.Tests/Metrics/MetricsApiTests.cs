using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Accounts;
using Outreach.Core.Analytics;
using Outreach.Core.Analytics.Counters;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;

namespace Outreach.Functions.Tests.Metrics;

public sealed class MetricsApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateOnly MetOn = new(2026, 11, 16);
    private const string Range = "from=2026-11-16&to=2026-11-29";

    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly ApiApp _app = ApiApp.Start(azurite);

    [Fact]
    public async Task Owner_figures_count_meetings_follow_ups_and_replies_once_each()
    {
        var owner = ApiApp.NewId("owner");
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(owner));
        await MetricsHistory.RecordAsync(_app, owner, MetOn);

        var body = await GetJsonAsync(client, $"/api/metrics?groupBy=owner&{Range}");

        Assert.Equal("owner", body.GetProperty("groupBy").GetString());
        Assert.Equal("2026-11-16", body.GetProperty("from").GetString());
        Assert.Equal("2026-11-29", body.GetProperty("to").GetString());
        Assert.Equal(0.05, body.GetProperty("baseline").GetDouble());
        var row = Assert.Single(body.GetProperty("rows").EnumerateArray());
        Assert.Equal(owner, row.GetProperty("groupKey").GetString());
        Assert.Equal(5, row.GetProperty("contactsMet").GetInt64());
        AssertRate(row.GetProperty("followUpWithin2Days"), 2, 5);
        AssertRate(row.GetProperty("followUpWithin7Days"), 3, 5);
        Assert.Equal(4, row.GetProperty("followedUp").GetInt64());
        Assert.Equal(2, row.GetProperty("contactsReplied").GetInt64());
        Assert.Equal(4, row.GetProperty("sent").GetInt64());
        Assert.Equal(2, row.GetProperty("replies").GetInt64());
        AssertRate(row.GetProperty("replyRate"), 2, 4);
        Assert.Equal(10.0, row.GetProperty("replyRate").GetProperty("lift").GetDouble(), 12);
    }

    [Fact]
    public async Task Weeks_steps_and_templates_split_the_same_counts()
    {
        var owner = ApiApp.NewId("owner");
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(owner));
        await MetricsHistory.RecordAsync(_app, owner, MetOn);

        var weeks = (await GetJsonAsync(client, $"/api/metrics?groupBy=week&{Range}")).GetProperty("rows").EnumerateArray().ToArray();
        var steps = (await GetJsonAsync(client, $"/api/metrics?groupBy=step&{Range}")).GetProperty("rows").EnumerateArray().ToArray();
        var templates = (await GetJsonAsync(client, $"/api/metrics?groupBy=TEMPLATE&{Range}")).GetProperty("rows").EnumerateArray().ToArray();

        Assert.Equal(["2026-W47", "2026-W48"], weeks.Select(r => r.GetProperty("groupKey").GetString()));
        Assert.Equal([4L, 1L], weeks.Select(r => r.GetProperty("contactsMet").GetInt64()));
        Assert.Equal([1L, 1L], weeks.Select(r => r.GetProperty("followUpWithin2Days").GetProperty("successes").GetInt64()));
        Assert.Equal([2L, 1L], weeks.Select(r => r.GetProperty("followUpWithin7Days").GetProperty("successes").GetInt64()));
        Assert.Equal([2L, 2L], weeks.Select(r => r.GetProperty("sent").GetInt64()));
        Assert.Equal([1L, 1L], weeks.Select(r => r.GetProperty("replies").GetInt64()));
        Assert.Equal(["follow-up", "thank-you"], steps.Select(r => r.GetProperty("groupKey").GetString()));
        Assert.Equal([2L, 2L], steps.Select(r => r.GetProperty("sent").GetInt64()));
        Assert.Equal([0L, 2L], steps.Select(r => r.GetProperty("replies").GetInt64()));
        Assert.Equal(["=cmd", "follow-up-v1", "thank-you-v1"], templates.Select(r => r.GetProperty("groupKey").GetString()));
        Assert.Equal([1L, 1L, 2L], templates.Select(r => r.GetProperty("sent").GetInt64()));
        Assert.Equal([0L, 0L, 2L], templates.Select(r => r.GetProperty("replies").GetInt64()));
        Assert.All(templates, r => Assert.Equal(0, r.GetProperty("contactsMet").GetInt64()));
    }

    [Fact]
    public async Task Csv_export_downloads_the_rows_with_formula_cells_neutralised()
    {
        var owner = ApiApp.NewId("owner");
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(owner));
        await MetricsHistory.RecordAsync(_app, owner, MetOn);

        using var response = await client.GetAsync(new Uri($"/api/metrics?groupBy=template&format=csv&{Range}", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("metrics-template-2026-11-16-2026-11-29.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(System.Text.Encoding.UTF8.Preamble.ToArray(), bytes[..3]); // a spreadsheet then reads accented names as UTF-8
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("group_by,group,contacts_met,followed_up_2d,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("template,\"'=cmd\",0,0,,,,,0,,,,,0,0,1,0,0,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("template,thank-you-v1,0,0,,,,,0,,,,,0,0,2,2,1,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_owners_metrics_answer_as_missing()
    {
        var owner = ApiApp.NewId("owner");
        await _app.CreateAccountWithKeyAsync(owner);
        await MetricsHistory.RecordAsync(_app, owner, MetOn);
        using var stranger = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("stranger")));
        using var anonymous = _app.Client(null);

        using var others = await stranger.GetAsync(new Uri($"/api/metrics?owner={owner}&{Range}", UriKind.Relative));
        using var unauthenticated = await anonymous.GetAsync(new Uri($"/api/metrics?{Range}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task Coach_view_covers_consenting_clients_only()
    {
        var coach = ApiApp.NewId("coach");
        var (kept, withdrawn, never) = (ApiApp.NewId("kept"), ApiApp.NewId("gone"), ApiApp.NewId("never"));
        using var coachClient = _app.Client(await _app.CreateAccountWithKeyAsync(coach, AccountKind.Coach));
        foreach (var client in new[] { kept, withdrawn, never })
        {
            using var owner = _app.Client(await _app.CreateAccountWithKeyAsync(client));
            await MetricsHistory.RecordAsync(_app, client, MetOn);
            if (client != never)
            {
                using var grant = await owner.PostAsJsonAsync("/api/consents", new { coachId = coach, scopes = new[] { "read" } });
                Assert.Equal(HttpStatusCode.Created, grant.StatusCode);
            }

            // The coach files every client under a cohort; one who never consented cannot be filed.
            using var filed = await coachClient.PutAsJsonAsync($"/api/coach/clients/{client}/cohort", new { cohort = "spring-2027" });
            Assert.Equal(client == never ? HttpStatusCode.NotFound : HttpStatusCode.OK, filed.StatusCode);

            if (client == withdrawn)
            {
                using var revoke = await owner.DeleteAsync(new Uri($"/api/consents/{coach}", UriKind.Relative));
                Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
            }
        }

        var owners = await GetJsonAsync(coachClient, $"/api/metrics?groupBy=owner&{Range}");
        var cohorts = await GetJsonAsync(coachClient, $"/api/metrics?groupBy=cohort&{Range}");
        var oneClient = await GetJsonAsync(coachClient, $"/api/metrics?groupBy=template&owner={kept}&{Range}");
        var weeks = await GetJsonAsync(coachClient, $"/api/metrics?groupBy=week&{Range}");
        var templates = await GetJsonAsync(coachClient, $"/api/metrics?groupBy=template&{Range}");
        using var refused = await coachClient.GetAsync(new Uri($"/api/metrics?groupBy=owner&owner={never}&{Range}", UriKind.Relative));

        Assert.Equal([kept], owners.GetProperty("owners").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal([kept], owners.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("groupKey").GetString()));
        var cohort = Assert.Single(cohorts.GetProperty("rows").EnumerateArray());
        Assert.Equal("spring-2027", cohort.GetProperty("groupKey").GetString());
        Assert.Equal(5, cohort.GetProperty("contactsMet").GetInt64());
        Assert.Equal(4, cohort.GetProperty("sent").GetInt64());
        Assert.Equal(3, oneClient.GetProperty("rows").GetArrayLength());
        // Every chart of the coach's page reads the same clients as its funnel (groupBy=owner).
        Assert.Equal(5, weeks.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("contactsMet").GetInt64()));
        Assert.Equal([kept], weeks.GetProperty("owners").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(oneClient.GetProperty("rows").GetRawText(), templates.GetProperty("rows").GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task A_coach_groups_clients_by_the_cohorts_they_are_filed_under_and_can_read_one_cohort_alone()
    {
        var coach = ApiApp.NewId("coach");
        var (ada, bo, cy) = (ApiApp.NewId("ada"), ApiApp.NewId("bo"), ApiApp.NewId("cy"));
        using var coachClient = _app.Client(await _app.CreateAccountWithKeyAsync(coach, AccountKind.Coach));
        foreach (var client in new[] { ada, bo, cy })
        {
            using var owner = _app.Client(await _app.CreateAccountWithKeyAsync(client));
            await MetricsHistory.RecordAsync(_app, client, MetOn);
            using var grant = await owner.PostAsJsonAsync("/api/consents", new { coachId = coach, scopes = new[] { "read" } });
            Assert.Equal(HttpStatusCode.Created, grant.StatusCode);
        }

        // Filed after their history was recorded: the cohort rows still carry all of it.
        foreach (var (client, cohort) in new[] { (ada, "Spring 2027"), (bo, " Spring  2027 "), (cy, "Evening MBA") })
        {
            using var filed = await coachClient.PutAsJsonAsync($"/api/coach/clients/{client}/cohort", new { cohort });
            Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        }

        var byCohort = await GetJsonAsync(coachClient, $"/api/metrics?groupBy=cohort&{Range}");
        var spring = await GetJsonAsync(coachClient, $"/api/metrics?groupBy=owner&cohort=Spring%202027&{Range}");
        var nobody = await GetJsonAsync(coachClient, $"/api/metrics?groupBy=owner&cohort=Autumn&{Range}");
        var oneClient = await GetJsonAsync(coachClient, $"/api/metrics?groupBy=cohort&owner={cy}&{Range}");
        using var unfiled = await coachClient.PutAsJsonAsync($"/api/coach/clients/{cy}/cohort", new { cohort = (string?)null });
        var afterUnfiling = await GetJsonAsync(coachClient, $"/api/metrics?groupBy=cohort&{Range}");

        Assert.Equal("Evening MBA=5|Spring 2027=10", Rows(byCohort));
        Assert.Equal(new[] { ada, bo }.Order(), spring.GetProperty("owners").EnumerateArray().Select(o => o.GetString()).Order());
        Assert.Empty(nobody.GetProperty("rows").EnumerateArray());
        Assert.Equal("Evening MBA=5", Rows(oneClient));
        Assert.Equal(HttpStatusCode.OK, unfiled.StatusCode);
        Assert.Equal("(none)=5|Spring 2027=10", Rows(afterUnfiling));

        static string Rows(JsonElement report) => string.Join('|', report.GetProperty("rows").EnumerateArray()
            .Select(r => $"{r.GetProperty("groupKey").GetString()}={r.GetProperty("contactsMet").GetInt64()}"));
    }

    [Theory]
    [InlineData("groupBy=banana&" + Range, "groupBy")]
    [InlineData("from=2026-11-29&to=2026-11-16", "from")]
    [InlineData("from=16/11/2026&to=2026-11-29", "from")]
    [InlineData("from=2025-01-01&to=2026-11-29", "to")]
    [InlineData("format=xml&" + Range, "format")]
    [InlineData("cohort=Spring&" + Range, "cohort")]
    [InlineData("from=2000-01-01", "from")] // too long only because 'to' defaulted to today: 'from' is the date to change
    public async Task Invalid_parameters_are_rejected_naming_the_parameter(string query, string target)
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("owner")));

        using var response = await client.GetAsync(new Uri($"/api/metrics?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(target, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("target").GetString());
    }

    [Fact]
    public async Task A_from_that_only_clashes_with_the_default_to_is_refused_saying_which_day_the_range_ended_on()
    {
        using var app = ApiApp.Start(azurite, services => services.AddSingleton<TimeProvider>(_time));
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ApiApp.NewId("owner")));

        var tooEarly = await GetProblemAsync(client, "/api/metrics?from=2025-01-01");
        var afterToday = await GetProblemAsync(client, "/api/metrics?from=2026-12-01");

        Assert.Equal(("metrics.range-too-long", "from"), (tooEarly.GetProperty("code").GetString(), tooEarly.GetProperty("target").GetString()));
        Assert.Equal(
            "A metrics range covers at most 366 days and one without 'to' ends today, 2026-11-30: 'from' must be 2025-11-30 or later.",
            tooEarly.GetProperty("title").GetString());
        Assert.Equal(("metrics.range-inverted", "from"), (afterToday.GetProperty("code").GetString(), afterToday.GetProperty("target").GetString()));
        Assert.Equal("'from' is after today, 2026-11-30, where a range without 'to' ends.", afterToday.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("to=0001-01-05", "0001-01-01", "0001-01-05")]
    [InlineData("from=9999-12-01&to=9999-12-31", "9999-12-01", "9999-12-31")]
    public async Task Dates_at_the_ends_of_the_calendar_get_an_answer_not_a_server_error(string query, string from, string to)
    {
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("owner")));

        var body = await GetJsonAsync(client, $"/api/metrics?groupBy=week&{query}");

        Assert.Equal((from, to), (body.GetProperty("from").GetString(), body.GetProperty("to").GetString()));
        Assert.Empty(body.GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public async Task Without_a_range_the_last_twelve_weeks_up_to_the_owners_today_are_read()
    {
        using var app = ApiApp.Start(azurite, services => services.AddSingleton<TimeProvider>(_time));
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ApiApp.NewId("owner")));

        var body = await GetJsonAsync(client, "/api/metrics");
        var onlyTo = await GetJsonAsync(client, "/api/metrics?to=2026-10-31");

        Assert.Equal("2026-09-08", body.GetProperty("from").GetString());
        Assert.Equal("2026-11-30", body.GetProperty("to").GetString());
        Assert.Equal("2026-08-09", onlyTo.GetProperty("from").GetString());
        Assert.Empty(body.GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public async Task Without_a_range_an_owners_today_is_the_day_of_the_zone_their_sends_are_counted_in()
    {
        // 30 November, 12:00 UTC: already 1 December in Auckland, where this owner's sender profile sends from, so a send
        // now is counted on 1 December; the default range must end there, not on the account's London day.
        var noon = new ManualTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        using var app = ApiApp.Start(azurite, services => services.AddSingleton<TimeProvider>(noon));
        var owner = ApiApp.NewId("owner");
        using var client = app.Client(await app.CreateAccountWithKeyAsync(owner));
        var profiles = await SenderProfilesAsync(app);
        await profiles.SaveAsync(new Outreach.Core.Senders.SenderProfile { OwnerId = owner, Email = "sender@school.example", TimeZoneId = "Pacific/Auckland" }, CancellationToken.None);

        var body = await GetJsonAsync(client, "/api/metrics");

        Assert.Equal("2026-12-01", body.GetProperty("to").GetString());
    }

    [Fact]
    public async Task Without_a_range_a_coach_view_ends_on_the_latest_today_among_its_clients()
    {
        // 30 November, 12:00 UTC: the coach (London) and one client are still on 30 November; another client sends from
        // Auckland, where it is 1 December, and that day's sends are counted there. The coach's view must include them;
        // a client who withdrew consent does not move the range.
        var noon = new ManualTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        using var app = ApiApp.Start(azurite, services => services.AddSingleton<TimeProvider>(noon));
        var profiles = await SenderProfilesAsync(app);
        var coach = ApiApp.NewId("coach");
        using var coachClient = app.Client(await app.CreateAccountWithKeyAsync(coach, AccountKind.Coach));
        var (london, auckland) = (ApiApp.NewId("london"), ApiApp.NewId("auckland"));
        foreach (var client in new[] { london, auckland })
        {
            using var owner = app.Client(await app.CreateAccountWithKeyAsync(client));
            using var grant = await owner.PostAsJsonAsync("/api/consents", new { coachId = coach, scopes = new[] { "read" } });
            Assert.Equal(HttpStatusCode.Created, grant.StatusCode);
        }

        await profiles.SaveAsync(new Outreach.Core.Senders.SenderProfile { OwnerId = london, Email = "l@school.example", TimeZoneId = "Europe/London" }, CancellationToken.None);
        var beforeAuckland = await GetJsonAsync(coachClient, "/api/metrics?groupBy=owner");
        await profiles.SaveAsync(new Outreach.Core.Senders.SenderProfile { OwnerId = auckland, Email = "a@school.example", TimeZoneId = "Pacific/Auckland" }, CancellationToken.None);

        var body = await GetJsonAsync(coachClient, "/api/metrics?groupBy=owner");

        Assert.Equal("2026-11-30", beforeAuckland.GetProperty("to").GetString());
        Assert.Equal("2026-12-01", body.GetProperty("to").GetString());
        Assert.Equal("2026-09-09", body.GetProperty("from").GetString());
    }

    [Fact]
    public async Task A_LinkedIn_note_marked_sent_counts_as_a_follow_up()
    {
        var owner = ApiApp.NewId("owner");
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(owner));
        using (var sender = await client.PutAsJsonAsync("/api/sender", new { firstName = "Sam", lastName = "Student", email = "sam@students.example", timeZone = "Europe/London" }))
        {
            sender.EnsureSuccessStatusCode();
        }

        var yesterday = OwnerCalendar.LocalDate(TimeProvider.System.GetUtcNow(), London).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = "First name,Last name,Email,LinkedIn URL,Company,Position,Event,Met on\n"
            + $"Sofía,Hernández,,https://www.linkedin.com/in/sofia-hernandez-ux,Adventure Works,UX Researcher,Guest lecture,{yesterday}\n";
        using (var content = new StringContent(csv, Encoding.UTF8, "text/csv"))
        using (var imported = await client.PostAsync(new Uri("/api/imports?campaign=class-visit-follow-up", UriKind.Relative), content))
        {
            imported.EnsureSuccessStatusCode();
        }

        var tasks = (await GetJsonAsync(client, "/api/tasks?channel=linkedin&state=planned")).GetProperty("tasks").EnumerateArray()
            .OrderBy(t => t.GetProperty("dueUtc").GetDateTimeOffset()).ToList();
        Assert.NotEmpty(tasks);
        var done = new Uri($"/api/tasks/{tasks[0].GetProperty("id").GetString()}/done", UriKind.Relative);
        using (var first = await client.PostAsync(done, null))
        using (var again = await client.PostAsync(done, null))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        }

        var row = Assert.Single((await GetJsonAsync(client, "/api/metrics?groupBy=owner")).GetProperty("rows").EnumerateArray());
        Assert.Equal(1, row.GetProperty("contactsMet").GetInt64());
        Assert.Equal(1, row.GetProperty("followedUp").GetInt64());
        Assert.Equal(1, row.GetProperty("sent").GetInt64()); // marked twice, counted once

        // Met yesterday: the meeting can still be followed up within 2 (and 7) days, so it is in no within-N rate yet,
        // rather than dragging this week's rate down as "not followed up".
        foreach (var window in new[] { "followUpWithin2Days", "followUpWithin7Days" })
        {
            Assert.Equal((0L, 0L), (row.GetProperty(window).GetProperty("successes").GetInt64(), row.GetProperty(window).GetProperty("trials").GetInt64()));
            Assert.Equal(JsonValueKind.Null, row.GetProperty(window).GetProperty("rate").ValueKind);
        }
    }

    public void Dispose() => _app.Dispose();

    private static void AssertRate(JsonElement rate, long successes, long trials)
    {
        var interval = WilsonInterval.Of(successes, trials);
        Assert.Equal(successes, rate.GetProperty("successes").GetInt64());
        Assert.Equal(trials, rate.GetProperty("trials").GetInt64());
        Assert.Equal((double)successes / trials, rate.GetProperty("rate").GetDouble(), 12);
        Assert.Equal(interval.Lower, rate.GetProperty("interval").GetProperty("lower").GetDouble(), 12);
        Assert.Equal(interval.Upper, rate.GetProperty("interval").GetProperty("upper").GetDouble(), 12);
        Assert.Equal(0.05, rate.GetProperty("baseline").GetDouble());
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> GetProblemAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The sender profile store, its table created (a test run alone may be the first to use it).</summary>
    private static async Task<Outreach.Core.Senders.ISenderProfileStore> SenderProfilesAsync(ApiApp app)
    {
        await app.Factory.Services.GetRequiredService<Outreach.Functions.Sending.SendingTables>().EnsureCreatedAsync(CancellationToken.None);
        return app.Factory.Services.GetRequiredService<Outreach.Core.Senders.ISenderProfileStore>();
    }
}
