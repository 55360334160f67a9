using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Core.Accounts;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Accounts;

public sealed class OwnershipTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly ApiApp _app = ApiApp.Start(azurite);

    [Fact]
    public async Task Revoking_another_owners_key_answers_exactly_as_revoking_a_missing_key()
    {
        var ownerB = ApiApp.NewId("b");
        var keyB = await _app.CreateAccountWithKeyAsync(ownerB);
        Assert.True(ApiKeys.TryParse(keyB, out var keyIdB, out _));
        using var clientA = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("a")));
        using var clientB = _app.Client(keyB);

        using var others = await clientA.DeleteAsync(new Uri($"/api/keys/{keyIdB}", UriKind.Relative));
        using var missing = await clientA.DeleteAsync(new Uri("/api/keys/AAAAAAAAAAAA", UriKind.Relative));
        using var stillWorks = await clientB.GetAsync(new Uri("/api/keys", UriKind.Relative));

        await NotFoundAssert.SameAsync(others, missing);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Fact]
    public async Task Owner_reading_another_owners_account_gets_the_missing_answer()
    {
        var ownerB = ApiApp.NewId("b");
        await _app.CreateAccountWithKeyAsync(ownerB);
        using var clientA = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("a")));

        using var others = await clientA.GetAsync(new Uri($"/api/account?owner={ownerB}", UriKind.Relative));
        using var missing = await clientA.GetAsync(new Uri($"/api/account?owner={ApiApp.NewId("nobody")}", UriKind.Relative));

        await NotFoundAssert.SameAsync(others, missing);
    }

    [Fact]
    public async Task Coach_reaches_a_client_only_while_the_client_consents()
    {
        var coach = ApiApp.NewId("coach");
        var client = ApiApp.NewId("client");
        using var coachClient = _app.Client(await _app.CreateAccountWithKeyAsync(coach, AccountKind.Coach));
        using var clientClient = _app.Client(await _app.CreateAccountWithKeyAsync(client));
        var clientAccount = new Uri($"/api/account?owner={client}", UriKind.Relative);

        using var before = await coachClient.GetAsync(clientAccount);
        using var grant = await clientClient.PostAsJsonAsync("/api/consents", new { coachId = coach, scopes = new[] { "read" } });
        using var during = await coachClient.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/account") { Headers = { { "X-Outreach-Owner", client } } });
        using var writeDuring = await coachClient.PostAsJsonAsync($"/api/keys?owner={client}", new { name = "sneaky" });
        using var revoke = await clientClient.DeleteAsync(new Uri($"/api/consents/{coach}", UriKind.Relative));
        using var after = await coachClient.GetAsync(clientAccount);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.Created, grant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal(client, (await during.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Created, writeDuring.StatusCode);
        Assert.Equal(coach, (await writeDuring.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").GetProperty("accountId").GetString());
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Coach_lists_only_clients_whose_consent_is_active()
    {
        var coach = ApiApp.NewId("coach");
        var (kept, withdrawn, never) = (ApiApp.NewId("kept"), ApiApp.NewId("gone"), ApiApp.NewId("never"));
        using var coachClient = _app.Client(await _app.CreateAccountWithKeyAsync(coach, AccountKind.Coach));
        await _app.CreateAccountWithKeyAsync(never);
        foreach (var client in new[] { kept, withdrawn })
        {
            using var owner = _app.Client(await _app.CreateAccountWithKeyAsync(client));
            using var grant = await owner.PostAsJsonAsync("/api/consents", new { coachId = coach, scopes = new[] { "read", "write" } });
            Assert.Equal(HttpStatusCode.Created, grant.StatusCode);
        }

        await _app.Accounts.RevokeConsentAsync(withdrawn, coach, CancellationToken.None);
        using var response = await coachClient.GetAsync(new Uri("/api/coach/clients", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(kept, listed.GetProperty("clientId").GetString());
        Assert.Equal(["read", "write"], listed.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Clients_of_one_coach_cannot_list_or_reach_each_other()
    {
        var coach = ApiApp.NewId("coach");
        var (first, second) = (ApiApp.NewId("first"), ApiApp.NewId("second"));
        await _app.CreateAccountWithKeyAsync(coach, AccountKind.Coach);
        using var firstClient = _app.Client(await _app.CreateAccountWithKeyAsync(first));
        await _app.CreateAccountWithKeyAsync(second);
        await _app.Accounts.GrantConsentAsync(first, coach, ApiScopes.OwnerDefault, CancellationToken.None);
        await _app.Accounts.GrantConsentAsync(second, coach, ApiScopes.OwnerDefault, CancellationToken.None);

        using var list = await firstClient.GetAsync(new Uri("/api/coach/clients", UriKind.Relative));
        using var reach = await firstClient.GetAsync(new Uri($"/api/account?owner={second}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reach.StatusCode);
    }

    [Fact]
    public async Task Consent_to_someone_who_is_not_a_coach_is_a_400_naming_the_field()
    {
        var notCoach = ApiApp.NewId("peer");
        await _app.CreateAccountWithKeyAsync(notCoach);
        using var owner = _app.Client(await _app.CreateAccountWithKeyAsync(ApiApp.NewId("owner")));

        using var response = await owner.PostAsJsonAsync("/api/consents", new { coachId = notCoach });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("consent.not-a-coach", problem.GetProperty("code").GetString());
        Assert.Equal("coachId", problem.GetProperty("target").GetString());
    }

    public void Dispose() => _app.Dispose();
}
