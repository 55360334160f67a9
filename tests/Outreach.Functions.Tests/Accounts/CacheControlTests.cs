using System.Net;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Accounts;

/// <summary>
/// API answers hold personal data (contacts, drafts, figures, introductions, import reports): none may be kept by a shared
/// computer's browser cache or a proxy. The dashboard's page, scripts and styles hold none and stay cacheable, checked
/// against their entity tag on every use so a new version is used once published.
/// </summary>
public sealed class CacheControlTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Range = "from=2026-11-16&to=2026-11-29";
    private readonly ApiApp _app = ApiApp.Start(azurite);

    [Theory]
    [InlineData("/api/metrics?groupBy=owner&" + Range, HttpStatusCode.OK, "application/json")]
    [InlineData("/api/metrics?groupBy=week&format=csv&" + Range, HttpStatusCode.OK, "text/csv")]
    [InlineData("/api/contacts", HttpStatusCode.OK, "application/json")]
    [InlineData("/api/account", HttpStatusCode.OK, "application/json")]
    [InlineData("/api/metrics?groupBy=banana", HttpStatusCode.BadRequest, "application/problem+json")]
    [InlineData("/api/contacts/no-such-contact", HttpStatusCode.NotFound, "application/problem+json")]
    [InlineData("/api/no-such-thing", HttpStatusCode.NotFound, "application/problem+json")]
    public async Task Api_answers_and_their_problems_are_never_stored(string path, HttpStatusCode status, string mediaType)
    {
        var owner = ApiApp.NewId("owner");
        using var client = _app.Client(await _app.CreateAccountWithKeyAsync(owner));
        await MetricsHistory.RecordAsync(_app, owner, new DateOnly(2026, 11, 16));

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, path);
    }

    [Fact]
    public async Task Refusals_before_any_function_runs_are_never_stored_either()
    {
        using var anonymous = _app.Client(null);
        using var wrongKey = _app.Client("not-a-key");

        using var unauthenticated = await anonymous.GetAsync(new Uri("/api/metrics", UriKind.Relative));
        using var rejected = await wrongKey.GetAsync(new Uri("/api/contacts", UriKind.Relative));
        using var wrongMethod = await anonymous.DeleteAsync(new Uri("/api/health", UriKind.Relative));
        using var health = await anonymous.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.MethodNotAllowed],
            [unauthenticated.StatusCode, rejected.StatusCode, wrongMethod.StatusCode]);
        Assert.All([unauthenticated, rejected, wrongMethod, health], r => Assert.True(r.Headers.CacheControl?.NoStore, r.RequestMessage?.RequestUri?.ToString()));
    }

    [Fact]
    public async Task The_unsubscribe_page_is_not_stored()
    {
        using var anonymous = _app.Client(null);

        using var page = await anonymous.GetAsync(new Uri("/api/unsubscribe/not-a-token", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.True(page.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("/api/dashboard")]
    [InlineData("/api/dashboard/assets/app.js")]
    [InlineData("/api/dashboard/assets/dashboard.css")]
    public async Task The_dashboards_page_and_assets_hold_no_data_and_are_cached_but_checked_on_every_use(string path)
    {
        using var anonymous = _app.Client(null);

        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var revalidated = await anonymous.SendAsync(again);
        using var stale = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"an-earlier-version\""));
        using var replaced = await anonymous.SendAsync(stale);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((true, false), (response.Headers.CacheControl?.NoCache, response.Headers.CacheControl?.NoStore));
        Assert.False(response.Headers.ETag?.IsWeak ?? true);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(await response.Content.ReadAsByteArrayAsync(), await replaced.Content.ReadAsByteArrayAsync());
    }

    public void Dispose() => _app.Dispose();
}
