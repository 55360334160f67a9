using Microsoft.AspNetCore.Authorization;
using Outreach.Core.Accounts;

namespace Outreach.Functions.Security;

/// <summary>
/// One authorization policy per scope (<c>scope:read</c>, <c>scope:write</c>, <c>scope:send</c>, <c>scope:admin</c>):
/// an authenticated API key carrying that scope. Endpoints declare what they need with
/// <see cref="RequireScope{TBuilder}"/>; a key without it gets 403 (it is the caller's own key, nothing is revealed).
/// </summary>
internal static class ScopeAuthorization
{
    private static readonly ApiScopes[] Single = [ApiScopes.Read, ApiScopes.Write, ApiScopes.Send, ApiScopes.Admin];

    public static string PolicyName(ApiScopes scope) => "scope:" + ApiScopeNames.Format(scope)[0];

    public static AuthorizationBuilder AddScopePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var scope in Single)
        {
            authorization.AddPolicy(PolicyName(scope), policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => PrincipalClaims.Read(context.User)?.Has(scope) == true));
        }

        return authorization;
    }

    /// <summary>The scopes <paramref name="endpoint"/>'s <c>scope:*</c> policies ask for.</summary>
    public static ApiScopes Required(Endpoint? endpoint) =>
        (endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? [])
            .Select(data => data.Policy)
            .Aggregate(ApiScopes.None, (scopes, policy) => scopes | Single.FirstOrDefault(s => string.Equals(PolicyName(s), policy, StringComparison.Ordinal)));

    /// <summary>The endpoint needs an API key with every scope in <paramref name="scopes"/>.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, ApiScopes scopes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization([.. Single.Where(s => (scopes & s) != 0).Select(PolicyName)]);
}
