using System.Net;
using System.Net.Http.Json;
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

    public void Dispose() => _app.Dispose();
}
