using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Core.Accounts;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Accounts;

/// <summary><c>GET /api/coach/clients</c> and <c>PUT /api/coach/clients/{clientId}/cohort</c>, over Azurite.</summary>
public sealed class CoachRosterApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly ApiApp _app = ApiApp.Start(azurite);

    [Fact]
    public async Task A_coach_files_a_client_under_a_cohort_and_sees_it_in_the_client_list()
    {
        var (coach, ada, bo) = (ApiApp.NewId("coach"), ApiApp.NewId("ada"), ApiApp.NewId("bo"));
        using var coachClient = _app.Client(await _app.CreateAccountWithKeyAsync(coach, AccountKind.Coach));
        await _app.Accounts.CreateAccountAsync(ada, AccountKind.Owner, "Ada Lovelace", "Europe/London", CancellationToken.None);
        await _app.Accounts.CreateAccountAsync(bo, AccountKind.Owner, "Bo Diddley", "Europe/London", CancellationToken.None);
        await ConsentAsync(ada, coach);
        await ConsentAsync(bo, coach);

        using var filed = await coachClient.PutAsJsonAsync($"/api/coach/clients/{ada}/cohort", new { cohort = "  Spring   2027 MBA " });
        var body = await filed.Content.ReadFromJsonAsync<JsonElement>();
        var clients = await coachClient.GetFromJsonAsync<JsonElement>("/api/coach/clients");

        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        Assert.Equal((ada, "Spring 2027 MBA"), (body.GetProperty("clientId").GetString(), body.GetProperty("cohort").GetString()));
        var cohorts = clients.EnumerateArray().ToDictionary(c => c.GetProperty("clientId").GetString()!, c => c.GetProperty("cohort").GetString());
        Assert.Equal("Spring 2027 MBA", cohorts[ada]);
        Assert.Null(cohorts[bo]);
        var names = clients.EnumerateArray().ToDictionary(c => c.GetProperty("clientId").GetString()!, c => c.GetProperty("clientName").GetString());
        Assert.Equal(("Ada Lovelace", "Bo Diddley"), (names[ada], names[bo]));
        Assert.Equal("Ada Lovelace", body.GetProperty("clientName").GetString());
    }

    [Fact]
    public async Task A_blank_cohort_takes_the_client_out_of_it()
    {
        var (coach, ada) = (ApiApp.NewId("coach"), ApiApp.NewId("ada"));
        using var coachClient = _app.Client(await _app.CreateAccountWithKeyAsync(coach, AccountKind.Coach));
        await ConsentAsync(ada, coach);
        using var filed = await coachClient.PutAsJsonAsync($"/api/coach/clients/{ada}/cohort", new { cohort = "Spring" });

        using var cleared = await coachClient.PutAsJsonAsync($"/api/coach/clients/{ada}/cohort", new { cohort = " " });
        var client = Assert.Single((await coachClient.GetFromJsonAsync<JsonElement>("/api/coach/clients")).EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(JsonValueKind.Null, client.GetProperty("cohort").ValueKind);
    }

    [Theory]
    [InlineData("""{ "cohort": "Spring\u00002027" }""", "cohort")]
    [InlineData("""{ "cohort": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" }""", "cohort")]
    public async Task A_bad_cohort_name_is_refused_naming_the_field_and_files_nothing(string json, string target)
    {
        var (coach, ada) = (ApiApp.NewId("coach"), ApiApp.NewId("ada"));
        using var coachClient = _app.Client(await _app.CreateAccountWithKeyAsync(coach, AccountKind.Coach));
        await ConsentAsync(ada, coach);

        using var refused = await coachClient.PutAsync(
            new Uri($"/api/coach/clients/{ada}/cohort", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var client = Assert.Single((await coachClient.GetFromJsonAsync<JsonElement>("/api/coach/clients")).EnumerateArray());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(target, problem.GetProperty("target").GetString());
        Assert.Equal(JsonValueKind.Null, client.GetProperty("cohort").ValueKind);
    }

    [Fact]
    public async Task Only_a_coach_files_and_only_clients_who_consent_to_them()
    {
        var (coach, other, ada, stranger, gone) = (ApiApp.NewId("coach"), ApiApp.NewId("other"), ApiApp.NewId("ada"), ApiApp.NewId("stranger"), ApiApp.NewId("gone"));
        using var coachClient = _app.Client(await _app.CreateAccountWithKeyAsync(coach, AccountKind.Coach));
        using var otherCoach = _app.Client(await _app.CreateAccountWithKeyAsync(other, AccountKind.Coach));
        using var adaClient = await ConsentAsync(ada, coach);
        using var strangerClient = _app.Client(await _app.CreateAccountWithKeyAsync(stranger));
        using var goneClient = await ConsentAsync(gone, coach);
        using (await goneClient.DeleteAsync(new Uri($"/api/consents/{coach}", UriKind.Relative)))
        {
        }

        using var byOtherCoach = await otherCoach.PutAsJsonAsync($"/api/coach/clients/{ada}/cohort", new { cohort = "Taken" });
        using var ofStranger = await coachClient.PutAsJsonAsync($"/api/coach/clients/{stranger}/cohort", new { cohort = "Taken" });
        using var ofWithdrawn = await coachClient.PutAsJsonAsync($"/api/coach/clients/{gone}/cohort", new { cohort = "Taken" });
        using var byOwner = await adaClient.PutAsJsonAsync($"/api/coach/clients/{ada}/cohort", new { cohort = "Taken" });
        using var readOnlyKey = _app.Client((await _app.Accounts.IssueKeyAsync(coach, ApiScopes.Read, "read only", CancellationToken.None)).PlainText);
        using var withReadKey = await readOnlyKey.PutAsJsonAsync($"/api/coach/clients/{ada}/cohort", new { cohort = "Taken" });

        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Forbidden],
            new[] { byOtherCoach, ofStranger, ofWithdrawn, byOwner, withReadKey }.Select(r => r.StatusCode));
        var client = Assert.Single((await coachClient.GetFromJsonAsync<JsonElement>("/api/coach/clients")).EnumerateArray());
        Assert.Equal(JsonValueKind.Null, client.GetProperty("cohort").ValueKind);
    }

    public void Dispose() => _app.Dispose();

    private async Task<HttpClient> ConsentAsync(string clientId, string coachId)
    {
        var client = _app.Client(await _app.CreateAccountWithKeyAsync(clientId));
        using var grant = await client.PostAsJsonAsync("/api/consents", new { coachId, scopes = new[] { "read" } });
        Assert.Equal(HttpStatusCode.Created, grant.StatusCode);
        return client;
    }
}
