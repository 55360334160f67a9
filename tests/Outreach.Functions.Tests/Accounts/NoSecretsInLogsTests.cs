using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Outreach.Core.Accounts;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Accounts;

/// <summary>
/// Runs every account flow, the failing ones included, with SMTP and token-signing secrets configured, then checks
/// what was logged: by this app and by every other app this test run has started so far (they all log into
/// <see cref="CapturedLog"/>). No email address, no <c>otr_</c> key, no configured secret may appear.
/// </summary>
public sealed partial class NoSecretsInLogsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string SmtpPassword = "smtp-Pa55word-never-logged";
    private const string SigningKey = "c2lnbmluZy1rZXktbmV2ZXItbG9nZ2VkLTAxMjM0NTY3ODk=";

    [Fact]
    public async Task Nothing_logged_contains_an_email_address_a_key_or_a_configured_secret()
    {
        using var app = ApiApp.Start(azurite,
            ("Smtp:Password", SmtpPassword), ("Smtp:UserName", "mailer@example.com"),
            ("Tokens:CurrentKeyId", "k1"), ("Tokens:Keys:k1", SigningKey), ("Limits:RequestsPerMinute", "30"));
        var (coach, owner) = (ApiApp.NewId("coach"), ApiApp.NewId("owner"));
        var key = await app.CreateAccountWithKeyAsync(owner);
        using var admin = app.Client(await app.CreateAccountWithKeyAsync(ApiApp.NewId("admin"), AccountKind.Admin, ApiScopes.Admin));
        using var client = app.Client(key);
        using var forged = app.Client(key[..^2] + "zz");

        (await admin.PostAsJsonAsync("/api/accounts", new { id = coach, kind = "coach", name = "Coach Carter" })).Dispose();
        (await admin.PostAsJsonAsync("/api/accounts", new { id = "ada.lovelace@example.com", name = "ada.lovelace@example.com" })).Dispose();
        (await client.PostAsJsonAsync("/api/consents", new { coachId = coach })).Dispose();
        (await client.PostAsJsonAsync("/api/consents", new { coachId = "grace@example.org" })).Dispose();
        (await client.PostAsync(new Uri("/api/consents", UriKind.Relative), new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"))).Dispose();
        var issued = await client.PostAsJsonAsync("/api/keys", new { name = "someone@example.com" });
        issued.Dispose();
        (await client.GetAsync(new Uri("/api/keys", UriKind.Relative))).Dispose();
        (await client.GetAsync(new Uri("/api/account?owner=bob@example.com", UriKind.Relative))).Dispose();
        (await forged.GetAsync(new Uri("/api/account", UriKind.Relative))).Dispose();
        for (var i = 0; i < 31; i++)
        {
            (await client.GetAsync(new Uri("/api/account", UriKind.Relative))).Dispose();
        }

        var lines = CapturedLog.Provider.Lines.ToList();
        Assert.Contains(lines, line => line.Contains("ApiKey was not authenticated", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => EmailAddress().IsMatch(line));
        Assert.DoesNotContain(lines, line => line.Contains(ApiKeys.Prefix, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(SmtpPassword, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(SigningKey, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();
}
