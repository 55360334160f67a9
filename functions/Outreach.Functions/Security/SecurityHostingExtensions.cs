using Outreach.Functions.Limits;

namespace Outreach.Functions.Security;

/// <summary>
/// The security pipeline in one place: the caller's address behind trusted proxies, headers on every response (and
/// no-store on every API answer), problem details for expected failures (and for routing's bodiless 404 and 405), API key
/// authentication, per-key rate limits, scope policies, antiforgery for form posts and per-endpoint body limits.
/// </summary>
internal static class SecurityHostingExtensions
{
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddAccountSecurity();
        builder.Services.AddRequestLimits();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseNoStoreResponses();
        app.UseExceptionHandler();
        app.UseProblemStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRequestBodyLimits();
        return app;
    }

    /// <summary>
    /// Every HTTP function needs a verified API key (an endpoint opts out with <c>.AllowAnonymous()</c>) and counts
    /// against its key's rate limit; endpoints add <c>.RequireScope(...)</c> and check ownership with <see cref="OwnerAccess"/>.
    /// </summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder group)
        where TBuilder : IEndpointConventionBuilder =>
        group.RequireAuthorization().RequireRateLimiting(ApiRateLimiting.PolicyName);
}
