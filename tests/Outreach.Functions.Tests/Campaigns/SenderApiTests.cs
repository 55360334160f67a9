using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Campaigns;

public sealed class SenderApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly CampaignsApp _app = CampaignsApp.Start(azurite);

    [Fact]
    public async Task The_profile_is_missing_until_set_then_reads_back_as_written()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"), withProfile: false);

        using var before = await owner.GetAsync(new Uri("/api/sender", UriKind.Relative));
        using var put = await owner.PutAsJsonAsync("/api/sender", new
        {
            firstName = "Ana", lastName = "Lima", email = "ana@school.example", timeZone = "America/Sao_Paulo",
            window = new { days = new[] { "monday", "wednesday" }, opens = "09:30", closes = "16:00" }, dailyCap = 25, minimumSpacingSeconds = 300,
        });
        using var after = await owner.GetAsync(new Uri("/api/sender", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var profile = await CampaignsApp.JsonAsync(after);
        Assert.Equal("America/Sao_Paulo", profile.GetProperty("timeZone").GetString());
        Assert.Equal(["monday", "wednesday"], profile.GetProperty("window").GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("09:30", profile.GetProperty("window").GetProperty("opens").GetString());
        Assert.Equal(25, profile.GetProperty("dailyCap").GetInt32());
        Assert.Equal(300, profile.GetProperty("minimumSpacingSeconds").GetInt32());
        Assert.Equal("ana@school.example", profile.GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_coach_acting_for_the_student_can_change_the_schedule_but_not_the_address_notes_go_out_from()
    {
        var coachId = ApiApp.NewId("coach");
        var ownerId = ApiApp.NewId("o");
        using var coach = await _app.OwnerAsync(coachId, Outreach.Core.Accounts.AccountKind.Coach, withProfile: false);
        using var owner = await _app.OwnerAsync(ownerId);
        await CampaignsApp.GrantConsentAsync(owner, coachId, "read", "write");

        using var schedule = await coach.PutAsJsonAsync($"/api/sender?owner={ownerId}", new { firstName = "Sam", lastName = "Student", email = "sam@school.example", timeZone = "Europe/London", dailyCap = 15 });
        using var address = await coach.PutAsJsonAsync($"/api/sender?owner={ownerId}", new { firstName = "Sam", lastName = "Student", email = "sam@coach.example", timeZone = "Europe/London", dailyCap = 15 });

        Assert.Equal(HttpStatusCode.OK, schedule.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, address.StatusCode);
        var problem = await CampaignsApp.JsonAsync(address);
        Assert.Equal("sender.owner-only", problem.GetProperty("code").GetString());
        Assert.Equal("email", problem.GetProperty("target").GetString());
        var stored = (await _app.Stores.Senders.GetAsync(ownerId, CancellationToken.None))!;
        Assert.Equal(("sam@school.example", 15), (stored.Email, stored.DailyCap));
    }

    [Theory]
    [InlineData("timeZone", "Mars/Olympus_Mons", "timeZone")]
    [InlineData("timeZone", "GMT Standard Time", "timeZone")]
    [InlineData("email", "not an address", "email")]
    [InlineData("dailyCap", 0, "dailyCap")]
    [InlineData("dailyCap", 501, "dailyCap")]
    [InlineData("minimumSpacingSeconds", -1, "minimumSpacingSeconds")]
    public async Task An_invalid_field_is_refused_naming_it(string field, object value, string target)
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"), withProfile: false);
        var body = new Dictionary<string, object> { ["email"] = "ana@school.example", ["timeZone"] = "Europe/Paris", [field] = value };

        using var response = await owner.PutAsJsonAsync("/api/sender", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(target, (await CampaignsApp.JsonAsync(response)).GetProperty("target").GetString());
    }

    [Theory]
    [InlineData(new[] { "funday" }, "09:00", "17:00", "window.days[0]")]
    [InlineData(new string[0], "09:00", "17:00", "window.days")]
    [InlineData(new[] { "friday" }, "17:00", "09:00", "window.closes")]
    [InlineData(new[] { "friday" }, "9am", "17:00", "window.opens")]
    public async Task An_invalid_window_is_refused_naming_the_part(string[] days, string opens, string closes, string target)
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"), withProfile: false);

        using var response = await owner.PutAsJsonAsync("/api/sender", new { email = "ana@school.example", timeZone = "Europe/Paris", window = new { days, opens, closes } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(target, (await CampaignsApp.JsonAsync(response)).GetProperty("target").GetString());
    }

    [Fact]
    public async Task Business_days_and_holidays_read_back_as_written_and_default_to_monday_to_friday_with_none()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"), withProfile: false);

        using var minimal = await owner.PutAsJsonAsync("/api/sender", new { email = "ana@school.example", timeZone = "Asia/Jerusalem" });
        using var put = await owner.PutAsJsonAsync("/api/sender", new
        {
            email = "ana@school.example", timeZone = "Asia/Jerusalem",
            businessDays = new[] { "sunday", "Monday", "tuesday", "wednesday", "thursday" },
            holidays = new[] { "2026-09-21", "2026-09-12", "2026-09-12" },
        });
        using var after = await owner.GetAsync(new Uri("/api/sender", UriKind.Relative));

        var defaults = await CampaignsApp.JsonAsync(minimal);
        Assert.Equal(["monday", "tuesday", "wednesday", "thursday", "friday"], defaults.GetProperty("businessDays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(0, defaults.GetProperty("holidays").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var profile = await CampaignsApp.JsonAsync(after);
        Assert.Equal(["sunday", "monday", "tuesday", "wednesday", "thursday"], profile.GetProperty("businessDays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["2026-09-12", "2026-09-21"], profile.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()));
    }

    [Theory]
    [InlineData("""{ "businessDays": ["sunday", "funday"] }""", "businessDays[1]")]
    [InlineData("""{ "businessDays": [] }""", "businessDays")]
    [InlineData("""{ "holidays": ["2026-12-25", "25/12/2026"] }""", "holidays[1]")]
    [InlineData("""{ "holidays": ["2026-02-30"] }""", "holidays[0]")]
    [InlineData("""{ "holidays": [null] }""", "holidays[0]")]
    public async Task An_invalid_business_day_or_holiday_is_refused_naming_the_field_and_index(string calendar, string target)
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"), withProfile: false);
        var body = JsonNode.Parse(calendar)!.AsObject();
        body["email"] = "ana@school.example";
        body["timeZone"] = "Europe/Paris";

        using var response = await owner.PutAsJsonAsync("/api/sender", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(target, (await CampaignsApp.JsonAsync(response)).GetProperty("target").GetString());
    }

    [Fact]
    public async Task More_holidays_than_a_year_has_days_are_refused_naming_holidays()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"), withProfile: false);
        var holidays = Enumerable.Range(0, 367).Select(i => new DateOnly(2026, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        using var response = await owner.PutAsJsonAsync("/api/sender", new { email = "ana@school.example", timeZone = "Europe/Paris", holidays });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("holidays", (await CampaignsApp.JsonAsync(response)).GetProperty("target").GetString());
    }

    [Theory]
    [InlineData(DayOfWeek.Monday, "window")] // the only sending day is off every week
    [InlineData(DayOfWeek.Wednesday, "businessDays")] // mail may go out Monday to Friday, but no business-day step could be planned
    public async Task A_calendar_that_leaves_no_day_in_the_coming_year_is_refused_naming_holidays(DayOfWeek day, string onlyDayOf)
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"), withProfile: false);
        var today = DateOnly.FromDateTime(CampaignsApp.Now.UtcDateTime); // London is on UTC in January
        var holidays = Enumerable.Range(0, 366).Select(today.AddDays).Where(d => d.DayOfWeek == day).Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var onlyDay = new[] { day.ToString().ToLowerInvariant() };
        object body = onlyDayOf == "window"
            ? new { email = "ana@school.example", timeZone = "Europe/London", window = new { days = onlyDay }, holidays }
            : new { email = "ana@school.example", timeZone = "Europe/London", businessDays = onlyDay, holidays };

        using var refused = await owner.PutAsJsonAsync("/api/sender", body);
        using var missing = await owner.GetAsync(new Uri("/api/sender", UriKind.Relative));
        _app.Clock.Advance(TimeSpan.FromDays(7)); // a week on, the first of them is past and a year ahead holds one free day
        using var accepted = await owner.PutAsJsonAsync("/api/sender", body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await CampaignsApp.JsonAsync(refused);
        Assert.Equal(("sender.invalid", "holidays"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task An_enrolment_after_setting_a_holiday_plans_the_thank_you_on_the_business_day_after_it()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId, withProfile: false);
        using var put = await owner.PutAsJsonAsync("/api/sender", new { email = "sam@school.example", timeZone = "Europe/London", holidays = new[] { "2026-01-14" } });
        put.EnsureSuccessStatusCode();
        var contact = await _app.AddContactAsync(ownerId, "Ada", metOn: new DateOnly(2026, 1, 13)); // met on a Tuesday; Wednesday is a holiday

        using var enrol = await owner.PostAsJsonAsync("/api/campaigns/class-visit-follow-up/enrolments", new { contactIds = new[] { contact } });

        enrol.EnsureSuccessStatusCode();
        var thankYou = await _app.Stores.Tasks.FindAsync(ownerId, TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, contact, "thank-you"), CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), thankYou!.DueUtc); // Thursday 09:00 London
    }

    public void Dispose() => _app.Dispose();
}
