using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Accounts;

public sealed class LimitsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Key_over_its_requests_per_minute_gets_429_naming_the_limit_with_retry_after()
    {
        using var app = ApiApp.Start(azurite, ("Limits:RequestsPerMinute", "3"));
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ApiApp.NewId("busy")));
        using var other = app.Client(await app.CreateAccountWithKeyAsync(ApiApp.NewId("calm")));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/account", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        using var limited = await client.GetAsync(new Uri("/api/account", UriKind.Relative));
        using var otherKey = await other.GetAsync(new Uri("/api/account", UriKind.Relative));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Limits:RequestsPerMinute", problem.GetProperty("limit").GetString());
        Assert.Equal(3, problem.GetProperty("limitValue").GetInt32());
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_behind_the_host_are_limited_by_the_address_the_front_end_forwarded()
    {
        using var app = ApiApp.Start(azurite, ("Limits:RequestsPerMinute", "2"), ("Limits:ForwardedHops", "1"));
        using var client = app.Client(null);

        // The first caller puts a different address of its own choosing in front each time: only the front end's
        // entry (the rightmost) counts, so it is still one caller.
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            first.Add(await HealthAsync(client, $"10.0.0.{i}, 198.51.100.7:50{i}00"));
        }

        var second = await HealthAsync(client, "198.51.100.7, 203.0.113.9:6000");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, second);
    }

    [Fact]
    public async Task Without_forwarded_hops_the_header_is_the_callers_word_and_ignored()
    {
        using var app = ApiApp.Start(azurite, ("Limits:RequestsPerMinute", "2"));
        using var client = app.Client(null);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await HealthAsync(client, $"203.0.113.{i}"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Body_over_the_request_limit_gets_413_naming_the_limit()
    {
        using var app = ApiApp.Start(azurite, ("Limits:MaxRequestBytes", "2048"));
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ApiApp.NewId("big")));
        var body = $$"""{"coachId":"{{new string('x', 4096)}}"}""";

        using var response = await client.PostAsync(new Uri("/api/consents", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Limits:MaxRequestBytes", problem.GetProperty("limit").GetString());
        Assert.Equal(2048, problem.GetProperty("limitValue").GetInt64());
        Assert.Equal("This endpoint accepts at most 2048 bytes (Limits:MaxRequestBytes).", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public void Invalid_limits_stop_the_app_at_start_up()
    {
        using var app = ApiApp.Start(azurite, ("Limits:RequestsPerMinute", "0"));

        var failure = Assert.ThrowsAny<Exception>(() => app.Client(null));

        Assert.Contains("RequestsPerMinute", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Domain_failure_is_a_400_problem_with_code_and_target()
    {
        using var app = ApiApp.Start(azurite);
        using var admin = app.Client(await app.CreateAccountWithKeyAsync(ApiApp.NewId("admin"), Core.Accounts.AccountKind.Admin, Core.Accounts.ApiScopes.Admin));

        using var response = await admin.PostAsJsonAsync("/api/accounts", new { id = "not valid!", name = "X" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("account.bad-id", problem.GetProperty("code").GetString());
        Assert.Equal("id", problem.GetProperty("target").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("Development", "/api/keys", """{ "name": "laptop", "scopes": "read" }""", "scopes")]
    [InlineData("Production", "/api/keys", """{ "name": "laptop", "scopes": "read" }""", "scopes")]
    [InlineData("Development", "/api/campaigns", """{ "id": "c1", "steps": 3 }""", "steps")]
    [InlineData("Production", "/api/campaigns", """{ "id": "c1", "steps": 3 }""", "steps")]
    [InlineData("Development", "/api/keys", """{ "name": "laptop", """, null)]
    [InlineData("Production", "/api/keys", """{ "name": "laptop", """, null)]
    public async Task A_json_body_the_binder_cannot_read_is_a_400_problem_naming_the_field_in_every_environment(
        string environment, string path, string json, string? target)
    {
        using var app = ApiApp.Start(azurite, ("environment", environment));
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ApiApp.NewId("json")));

        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("request.invalid-json", problem.GetProperty("code").GetString());
        if (target is not null)
        {
            Assert.Equal(target, problem.GetProperty("target").GetString());
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("target").GetString())); // the path where the body ran out
        }
    }

    [Theory]
    [InlineData("GET", "/api/contact", HttpStatusCode.NotFound)]
    [InlineData("PUT", "/api/account", HttpStatusCode.MethodNotAllowed)]
    public async Task An_unknown_route_or_a_wrong_method_is_a_problem(string method, string path, HttpStatusCode status)
    {
        using var app = ApiApp.Start(azurite);
        using var client = app.Client(await app.CreateAccountWithKeyAsync(ApiApp.NewId("route")));

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") });

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_404_page_an_endpoint_writes_itself_stays_as_it_is()
    {
        using var app = ApiApp.Start(azurite);
        using var client = app.Client(null);

        using var unsubscribe = await client.GetAsync(new Uri("/api/unsubscribe/not-a-token", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unsubscribe.StatusCode);
        Assert.Equal("text/html", unsubscribe.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<HttpStatusCode> HealthAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/health", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
