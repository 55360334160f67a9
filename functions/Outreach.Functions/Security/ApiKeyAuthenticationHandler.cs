using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Outreach.Core.Accounts;

namespace Outreach.Functions.Security;

/// <summary>
/// The <c>ApiKey</c> scheme: <c>Authorization: Bearer otr_...</c>. No header means anonymous (endpoints that need a
/// caller then challenge); a header with a wrong, malformed or revoked key fails, and the challenge answers 401 with
/// <c>WWW-Authenticate: Bearer error="invalid_token"</c>. The key itself never reaches a log or a response.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header is not a Bearer key.");
        }

        var presented = header[BearerPrefix.Length..].Trim();
        // Resolved only when a key is presented: anonymous endpoints (health) must not need storage configured.
        var verifier = Context.RequestServices.GetRequiredService<ApiKeyVerifier>();
        var principal = await verifier.VerifyAsync(presented, Context.RequestAborted).ConfigureAwait(false);
        if (principal is null || !ApiKeys.TryParse(presented, out var keyId, out _))
        {
            return AuthenticateResult.Fail("The API key is unknown, malformed or revoked.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(PrincipalClaims.Create(principal, keyId, SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failed = (await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false)).Failure is not null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = failed
            ? "Bearer realm=\"outreach\", error=\"invalid_token\", error_description=\"The API key is unknown, malformed or revoked.\""
            : "Bearer realm=\"outreach\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = failed ? "The API key is unknown, malformed or revoked." : "An API key is required.",
                Detail = "Send an API key as 'Authorization: Bearer otr_...'.",
            },
        }).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = ScopeProblems.Details(ScopeProblems.Missing(Context.GetEndpoint(), Context.User)),
        }).ConfigureAwait(false);
    }
}
