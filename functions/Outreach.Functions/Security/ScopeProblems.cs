using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Outreach.Core.Accounts;

namespace Outreach.Functions.Security;

/// <summary>
/// The 403 a key gets for an operation it lacks a scope for, naming the missing scopes (<c>missingScopes</c>) so the
/// caller knows which key to issue. Only for the caller's own key: a coach short of a consented scope gets the 404 of
/// <see cref="OwnerAccess.NotFound"/> instead, so nothing about the client's consent is revealed.
/// </summary>
internal static class ScopeProblems
{
    public const string Title = "This API key does not have the scope this operation needs.";

    /// <summary>The problem for a key that lacks <paramref name="missing"/>.</summary>
    public static ProblemDetails Details(ApiScopes missing)
    {
        var names = ApiScopeNames.Format(missing);
        return new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = Title,
            Detail = names.Count == 0
                ? null
                : $"This operation needs the {string.Join(", ", names.Select(n => $"'{n}'"))} scope; use a key issued with it.",
            Extensions = { ["missingScopes"] = names },
        };
    }

    /// <summary>The same problem as an endpoint result, for a scope only some requests need (an import naming a campaign).</summary>
    public static ProblemHttpResult Result(ApiScopes missing) => TypedResults.Problem(Details(missing));

    /// <summary>The scopes the endpoint's <c>scope:*</c> policies ask for that <paramref name="user"/>'s key does not carry.</summary>
    public static ApiScopes Missing(Endpoint? endpoint, System.Security.Claims.ClaimsPrincipal user)
    {
        var required = ScopeAuthorization.Required(endpoint);
        var held = PrincipalClaims.Read(user)?.Scopes ?? ApiScopes.None;
        return required & ~held;
    }
}
