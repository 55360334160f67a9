using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core.Accounts;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;

namespace Outreach.Functions.Accounts;

/// <summary>
/// API keys: <c>POST /api/keys</c> (<c>IssueKey</c>) issues one and shows it once; <c>GET /api/keys</c> (<c>ListKeys</c>)
/// lists the caller's keys without secrets; <c>DELETE /api/keys/{keyId}</c> (<c>RevokeKey</c>) revokes one of the caller's
/// keys (another account's key answers 404, as a missing one does). A key never mints a key with scopes it lacks;
/// keys for another account need the admin scope.
/// </summary>
internal static class ApiKeysApi
{
    public const string IssueFunction = "IssueKey";
    public const string ListFunction = "ListKeys";
    public const string RevokeFunction = "RevokeKey";

    public static IEndpointRouteBuilder MapApiKeys(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/keys", IssueAsync).AsFunction(IssueFunction).WithName(IssueFunction).RequireScope(ApiScopes.Write);
        endpoints.MapGet("/keys", ListAsync).AsFunction(ListFunction).WithName(ListFunction).RequireScope(ApiScopes.Read);
        endpoints.MapDelete("/keys/{keyId}", RevokeAsync).AsFunction(RevokeFunction).WithName(RevokeFunction).RequireScope(ApiScopes.Write);
        return endpoints;
    }

    private static async Task<Results<Created<IssuedKeyResponse>, ProblemHttpResult>> IssueAsync(
        IssueKeyRequest request, HttpContext context, AccountService accounts, CancellationToken cancellationToken)
    {
        var caller = PrincipalClaims.Read(context.User)!;
        var accountId = string.IsNullOrEmpty(request.AccountId) ? caller.AccountId : request.AccountId;
        var forSelf = string.Equals(accountId, caller.AccountId, StringComparison.Ordinal);
        if (!forSelf && !caller.Has(ApiScopes.Admin))
        {
            return OwnerAccess.NotFound();
        }

        var scopes = ApiScopeNames.Parse(request.Scopes, forSelf ? caller.Scopes & ApiScopes.OwnerDefault : ApiScopes.OwnerDefault, "scopes");
        if (forSelf && !caller.Has(scopes))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "A key cannot issue a key with scopes it does not have itself.");
        }

        if (!forSelf && await accounts.FindAccountAsync(accountId, cancellationToken).ConfigureAwait(false) is null)
        {
            return OwnerAccess.NotFound();
        }

        var issued = await accounts.IssueKeyAsync(accountId, scopes, request.Name, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/keys/{issued.Key.KeyId}", new IssuedKeyResponse(issued.PlainText, ApiKeyResponse.Of(issued.Key)));
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyResponse>>> ListAsync(HttpContext context, AccountService accounts, CancellationToken cancellationToken)
    {
        var caller = PrincipalClaims.Read(context.User)!;
        var keys = await accounts.ListKeysAsync(caller.AccountId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<ApiKeyResponse>>([.. keys.Select(ApiKeyResponse.Of)]);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string keyId, HttpContext context, AccountService accounts, ApiKeyVerifier verifier, CancellationToken cancellationToken)
    {
        var caller = PrincipalClaims.Read(context.User)!;
        if (!await accounts.RevokeKeyAsync(caller.AccountId, keyId, cancellationToken).ConfigureAwait(false))
        {
            return OwnerAccess.NotFound();
        }

        verifier.Forget(keyId);
        return TypedResults.NoContent();
    }
}
