using System.Net;
using System.Net.Http.Json;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Campaigns;

/// <summary><c>PUT /api/sender/smtp</c> on a deployment without the <c>Secrets</c> key ring: refused, never stored in clear.</summary>
public sealed class SenderSmtpUnsealedTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly CampaignsApp _app = CampaignsApp.Start(azurite);

    [Fact]
    public async Task Without_a_key_ring_the_account_is_refused_naming_the_setting_and_nothing_is_stored()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);

        using var response = await owner.PutAsJsonAsync("/api/sender/smtp", new { host = "smtp.school.example", port = 587, userName = "sam", password = "pw-never-stored" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await CampaignsApp.JsonAsync(response);
        Assert.Equal("secrets.not-configured", problem.GetProperty("code").GetString());
        Assert.Equal("Secrets:Keys", problem.GetProperty("target").GetString());
        Assert.Null((await _app.Stores.Senders.GetAsync(ownerId, CancellationToken.None))!.Smtp);
    }

    public void Dispose() => _app.Dispose();
}
