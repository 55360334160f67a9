using System.Net;
using System.Net.Http.Json;
using Outreach.Core.Accounts;
using Outreach.Functions.Tests.Sending;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Campaigns;

/// <summary><c>PUT|DELETE /api/sender/smtp</c> and the account in <c>GET /api/sender</c>, on real Azurite.</summary>
public sealed class SenderSmtpApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Password = "correct horse battery staple";

    private static readonly object Account = new { host = "smtp.school.example", port = 587, userName = "sam@school.example", password = Password, startTls = true };

    private readonly CampaignsApp _app = CampaignsApp.Start(
        azurite,
        ("Secrets:CurrentKeyId", "s1"),
        ("Secrets:Keys:s1", Convert.ToBase64String(SendScenario.SecretKey)));

    [Fact]
    public async Task The_password_is_stored_sealed_for_the_owner_and_the_account_reads_back_without_it()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);

        using var put = await owner.PutAsJsonAsync("/api/sender/smtp", Account);
        using var get = await owner.GetAsync(new Uri("/api/sender", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var shown = await get.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Password, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var smtp = (await CampaignsApp.JsonAsync(get)).GetProperty("smtp");
        Assert.Equal("smtp.school.example", smtp.GetProperty("host").GetString());
        Assert.Equal(587, smtp.GetProperty("port").GetInt32());
        Assert.Equal("sam@school.example", smtp.GetProperty("userName").GetString());
        Assert.True(smtp.GetProperty("startTls").GetBoolean());
        Assert.True(smtp.GetProperty("passwordSet").GetBoolean());
        Assert.False(smtp.TryGetProperty("password", out _));
        Assert.False(smtp.TryGetProperty("protectedPassword", out _));

        var stored = (await _app.Stores.Senders.GetAsync(ownerId, CancellationToken.None))!.Smtp!;
        Assert.NotEqual(Password, stored.ProtectedPassword);
        Assert.StartsWith("v1.s1.", stored.ProtectedPassword, StringComparison.Ordinal);
        var protector = new SecretProtector(new Dictionary<string, byte[]> { ["s1"] = SendScenario.SecretKey }, "s1");
        Assert.Equal(Password, protector.Unprotect(stored.ProtectedPassword, ownerId));
    }

    [Fact]
    public async Task A_put_of_the_profile_keeps_the_account_and_a_delete_removes_it()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);
        using (var put = await owner.PutAsJsonAsync("/api/sender/smtp", Account))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var profile = await owner.PutAsJsonAsync("/api/sender", new { firstName = "Sam", email = "sam@school.example", timeZone = "Europe/Paris" }))
        {
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
            Assert.Equal("smtp.school.example", (await CampaignsApp.JsonAsync(profile)).GetProperty("smtp").GetProperty("host").GetString());
        }

        using var delete = await owner.DeleteAsync(new Uri("/api/sender/smtp", UriKind.Relative));
        using var get = await owner.GetAsync(new Uri("/api/sender", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        var shown = await CampaignsApp.JsonAsync(get);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, shown.GetProperty("smtp").ValueKind);
        Assert.Equal("Europe/Paris", shown.GetProperty("timeZone").GetString());
        Assert.Null((await _app.Stores.Senders.GetAsync(ownerId, CancellationToken.None))!.Smtp);
    }

    [Theory]
    [InlineData("host", null, "host")]
    [InlineData("host", "not a host!", "host")]
    [InlineData("port", null, "port")]
    [InlineData("port", 0, "port")]
    [InlineData("port", 65536, "port")]
    [InlineData("port", 465, "port")]
    [InlineData("userName", " ", "userName")]
    [InlineData("password", "", "password")]
    [InlineData("password", null, "password")]
    public async Task An_invalid_field_is_refused_naming_it_and_nothing_is_stored(string field, object? value, string target)
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);
        var body = new Dictionary<string, object?> { ["host"] = "smtp.school.example", ["port"] = 587, ["userName"] = "sam", ["password"] = Password, [field] = value };

        using var response = await owner.PutAsJsonAsync("/api/sender/smtp", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await CampaignsApp.JsonAsync(response);
        Assert.Equal("smtp.invalid", problem.GetProperty("code").GetString());
        Assert.Equal(target, problem.GetProperty("target").GetString());
        Assert.Null((await _app.Stores.Senders.GetAsync(ownerId, CancellationToken.None))!.Smtp);
    }

    [Fact]
    public async Task A_password_over_the_cap_is_refused_naming_it()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));

        using var response = await owner.PutAsJsonAsync("/api/sender/smtp", new { host = "smtp.school.example", port = 587, userName = "sam", password = new string('x', 257) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("password", (await CampaignsApp.JsonAsync(response)).GetProperty("target").GetString());
    }

    [Fact]
    public async Task Without_a_sender_profile_the_account_is_refused_saying_to_set_one_up_first()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"), withProfile: false);

        using var response = await owner.PutAsJsonAsync("/api/sender/smtp", Account);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await CampaignsApp.JsonAsync(response);
        Assert.Equal("smtp.no-sender", problem.GetProperty("code").GetString());
        Assert.Equal("sender", problem.GetProperty("target").GetString());
        Assert.Contains("PUT /api/sender", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coach_with_write_consent_sees_the_account_without_its_password_but_cannot_change_it()
    {
        var coachId = ApiApp.NewId("coach");
        var ownerId = ApiApp.NewId("o");
        using var coach = await _app.OwnerAsync(coachId, AccountKind.Coach, withProfile: false);
        using var owner = await _app.OwnerAsync(ownerId);
        await CampaignsApp.GrantConsentAsync(owner, coachId, "read", "write");
        using (var put = await owner.PutAsJsonAsync("/api/sender/smtp", Account))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var read = await coach.GetAsync(new Uri($"/api/sender?owner={ownerId}", UriKind.Relative));
        using var change = await coach.PutAsJsonAsync($"/api/sender/smtp?owner={ownerId}", new { host = "smtp.coach.example", port = 587, userName = "coach", password = "x" });
        using var remove = await coach.DeleteAsync(new Uri($"/api/sender/smtp?owner={ownerId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain(Password, await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal("smtp.owner-only", (await CampaignsApp.JsonAsync(change)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.Equal("smtp.school.example", (await _app.Stores.Senders.GetAsync(ownerId, CancellationToken.None))!.Smtp!.Host);
    }

    public void Dispose() => _app.Dispose();
}
