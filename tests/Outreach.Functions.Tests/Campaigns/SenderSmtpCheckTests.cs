using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Functions.Tests.Sending;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Campaigns;

/// <summary>
/// <c>POST /api/sender/smtp/test</c> against a real maildev that takes mail only after AUTH: it logs in, sends nothing,
/// and names the step that failed without the password.
/// </summary>
public sealed class SenderSmtpCheckTests(AzuriteFixture azurite, AuthenticatedMailDevFixture mailbox)
    : IClassFixture<AzuriteFixture>, IClassFixture<AuthenticatedMailDevFixture>, IDisposable
{
    private const string WrongPassword = "wrong-password-4711";

    private readonly CampaignsApp _app = CampaignsApp.Start(
        azurite,
        ("Smtp:Timeout", "00:00:05"),
        ("Smtp:AllowPrivateServers", "true"), // the mailboxes are maildevs on 127.0.0.1
        ("Secrets:CurrentKeyId", "s1"),
        ("Secrets:Keys:s1", Convert.ToBase64String(SendScenario.SecretKey)));

    [Fact]
    public async Task The_stored_account_logs_in_and_nothing_is_sent()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));
        using (var put = await owner.PutAsJsonAsync("/api/sender/smtp", Account(AuthenticatedMailDevFixture.Password)))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var before = (await mailbox.GetEmailsAsync()).Count;
        using var check = await owner.PostAsync(new Uri("/api/sender/smtp/test", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var result = await CampaignsApp.JsonAsync(check);
        Assert.Equal(["connect", "authentication"], result.GetProperty("passed").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(before, (await mailbox.GetEmailsAsync()).Count);
    }

    [Fact]
    public async Task A_posted_wrong_password_is_refused_at_authentication_without_showing_it_and_nothing_is_stored()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);

        using var check = await owner.PostAsJsonAsync("/api/sender/smtp/test", Account(WrongPassword));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, check.StatusCode);
        var text = await check.Content.ReadAsStringAsync();
        Assert.DoesNotContain(WrongPassword, text, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal("smtp.authentication-failed", problem.GetProperty("code").GetString());
        Assert.Equal("authentication", problem.GetProperty("step").GetString());
        Assert.Equal("password", problem.GetProperty("target").GetString());
        Assert.Contains("535", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["connect"], problem.GetProperty("passed").EnumerateArray().Select(s => s.GetString()));
        Assert.Null((await _app.Stores.Senders.GetAsync(ownerId, CancellationToken.None))!.Smtp);
    }

    [Fact]
    public async Task A_port_nobody_listens_on_fails_at_connect_naming_the_host()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));

        using var check = await owner.PostAsJsonAsync("/api/sender/smtp/test", new
        {
            host = "127.0.0.1", port = SendScenario.ClosedPort(), userName = AuthenticatedMailDevFixture.User, password = WrongPassword, startTls = false,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, check.StatusCode);
        var problem = await CampaignsApp.JsonAsync(check);
        Assert.Equal("smtp.connect-failed", problem.GetProperty("code").GetString());
        Assert.Equal("host", problem.GetProperty("target").GetString());
    }

    [Fact]
    public async Task A_server_without_starttls_fails_at_tls_when_it_is_asked_for()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));

        using var check = await owner.PostAsJsonAsync("/api/sender/smtp/test", Account(AuthenticatedMailDevFixture.Password, startTls: true));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, check.StatusCode);
        var problem = await CampaignsApp.JsonAsync(check);
        Assert.Equal("smtp.tls-failed", problem.GetProperty("code").GetString());
        Assert.Equal("startTls", problem.GetProperty("target").GetString());
        Assert.Contains("STARTTLS", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_offering_only_auth_plain_is_reported_as_the_servers_limit_not_a_wrong_password()
    {
        // RFC 4954 makes PLAIN the mechanism every server has; System.Net.Mail speaks only LOGIN (NTLM, GSSAPI) of them.
        await using var server = new ScriptedSmtpServer { AuthMechanisms = "PLAIN" };
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));

        using var check = await owner.PostAsJsonAsync("/api/sender/smtp/test", new
        {
            host = "127.0.0.1", port = server.Port, userName = AuthenticatedMailDevFixture.User, password = WrongPassword, startTls = false,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, check.StatusCode);
        var text = await check.Content.ReadAsStringAsync();
        Assert.DoesNotContain(WrongPassword, text, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(("smtp.login-unsupported", "host"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Equal(["PLAIN"], problem.GetProperty("offered").EnumerateArray().Select(m => m.GetString()));
        Assert.DoesNotContain("AUTH", server.Verbs);
    }

    [Fact]
    public async Task With_no_account_stored_or_posted_it_says_what_to_do()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));

        using var check = await owner.PostAsync(new Uri("/api/sender/smtp/test", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, check.StatusCode);
        Assert.Equal("smtp.no-account", (await CampaignsApp.JsonAsync(check)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_posted_account_is_checked_field_by_field_first()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));

        using var check = await owner.PostAsJsonAsync("/api/sender/smtp/test", new { host = "127.0.0.1", port = 465, userName = "sam", password = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, check.StatusCode);
        Assert.Equal("port", (await CampaignsApp.JsonAsync(check)).GetProperty("target").GetString());
    }

    public void Dispose() => _app.Dispose();

    private object Account(string password, bool startTls = false) =>
        new { host = "127.0.0.1", port = mailbox.SmtpPort, userName = AuthenticatedMailDevFixture.User, password, startTls };
}
