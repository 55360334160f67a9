using System.Net;
using System.Net.Http.Json;
using Outreach.Functions.Tests.Sending;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Campaigns;

/// <summary>
/// In a hosted deployment (no <c>Smtp:AllowPrivateServers</c>), the mailbox endpoints cannot be turned into a probe of
/// the deployment's own network: a real maildev listens on 127.0.0.1 and is never reached through them.
/// </summary>
public sealed class SenderSmtpServerPolicyTests(AzuriteFixture azurite, AuthenticatedMailDevFixture mailbox)
    : IClassFixture<AzuriteFixture>, IClassFixture<AuthenticatedMailDevFixture>, IDisposable
{
    private readonly CampaignsApp _app = CampaignsApp.Start(
        azurite,
        ("Smtp:Timeout", "00:00:05"),
        ("Secrets:CurrentKeyId", "s1"),
        ("Secrets:Keys:s1", Convert.ToBase64String(SendScenario.SecretKey)));

    [Fact]
    public async Task A_test_of_a_loopback_service_port_is_refused_naming_the_port_and_nothing_is_reached()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));
        var before = (await mailbox.GetEmailsAsync()).Count;

        using var check = await owner.PostAsJsonAsync("/api/sender/smtp/test", Account("127.0.0.1", mailbox.SmtpPort));

        Assert.Equal(HttpStatusCode.BadRequest, check.StatusCode);
        var problem = await CampaignsApp.JsonAsync(check);
        Assert.Equal(("smtp.invalid", "port"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Equal(before, (await mailbox.GetEmailsAsync()).Count);
    }

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("10.0.0.4")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task Saving_a_private_address_on_a_mail_port_is_refused_naming_the_host_and_nothing_is_stored(string host)
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);

        using var put = await owner.PutAsJsonAsync("/api/sender/smtp", Account(host, 25));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var problem = await CampaignsApp.JsonAsync(put);
        Assert.Equal(("smtp.invalid", "host"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Null((await _app.Stores.Senders.GetAsync(ownerId, CancellationToken.None))!.Smtp);
    }

    [Fact]
    public async Task A_stored_name_that_resolves_to_loopback_is_refused_when_tested_and_never_tried()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));
        using (var put = await owner.PutAsJsonAsync("/api/sender/smtp", Account("localhost", 587)))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode); // a name is judged where it is resolved: at each connection
        }

        using var check = await owner.PostAsync(new Uri("/api/sender/smtp/test", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, check.StatusCode);
        var problem = await CampaignsApp.JsonAsync(check);
        Assert.Equal("smtp.server-not-allowed", problem.GetProperty("code").GetString());
        Assert.Equal("host", problem.GetProperty("target").GetString());
        Assert.Empty(problem.GetProperty("passed").EnumerateArray());
        Assert.DoesNotContain("127.0.0.1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();

    private static object Account(string host, int port) =>
        new { host, port, userName = AuthenticatedMailDevFixture.User, password = AuthenticatedMailDevFixture.Password, startTls = false };
}
