using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Outreach.Core.Accounts;
using Outreach.Functions.Security;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Accounts;

public sealed class AntiforgeryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly ApiApp _app = ApiApp.Start(azurite);

    [Fact]
    public async Task Cross_site_form_post_without_a_token_is_rejected_and_nothing_changes()
    {
        var (coach, client) = (ApiApp.NewId("coach"), ApiApp.NewId("client"));
        await _app.CreateAccountWithKeyAsync(coach, AccountKind.Coach);
        using var http = _app.Client(await _app.CreateAccountWithKeyAsync(client));

        using var response = await http.PostAsync(new Uri("/api/consents", UriKind.Relative),
            new FormUrlEncodedContent([new("coachId", coach), new("scopes", "read")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The form post has no valid antiforgery token.", problem.RootElement.GetProperty("title").GetString());
        Assert.Null(await _app.Accounts.FindConsentAsync(coach, client, CancellationToken.None));
    }

    [Fact]
    public async Task Form_post_with_the_antiforgery_token_and_cookie_is_accepted()
    {
        var (coach, client) = (ApiApp.NewId("coach"), ApiApp.NewId("client"));
        await _app.CreateAccountWithKeyAsync(coach, AccountKind.Coach);
        var key = await _app.CreateAccountWithKeyAsync(client);
        Assert.True(ApiKeys.TryParse(key, out var keyId, out _));
        var (cookieName, cookieToken, formField, requestToken) = IssueTokens(new Principal(client, AccountKind.Owner, ApiScopes.OwnerDefault), keyId);
        using var http = _app.Client(key);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/consents")
        {
            Content = new FormUrlEncodedContent([new("coachId", coach), new("scopes", "read"), new("scopes", "write"), new(formField, requestToken)]),
        };
        request.Headers.Add("Cookie", $"{cookieName}={cookieToken}");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var consent = await _app.Accounts.FindConsentAsync(coach, client, CancellationToken.None);
        Assert.Equal(ApiScopes.Read | ApiScopes.Write, consent?.Scopes);
    }

    // What a dashboard page does when it renders a form: tokens bound to the signed-in caller.
    private (string CookieName, string CookieToken, string FormField, string RequestToken) IssueTokens(Principal principal, string keyId)
    {
        var services = _app.Factory.Services;
        var context = new DefaultHttpContext
        {
            RequestServices = services,
            User = PrincipalClaims.Create(principal, keyId, ApiKeyAuthenticationHandler.SchemeName),
        };
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var options = services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        return (options.Cookie.Name!, tokens.CookieToken!, tokens.FormFieldName, tokens.RequestToken!);
    }

    public void Dispose() => _app.Dispose();
}
