using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;

namespace Outreach.Functions.Accounts;

/// <summary>
/// <c>POST /api/accounts</c> (function <c>CreateAccount</c>, admin scope): creates an owner, coach or admin, or returns the
/// existing one with that id. <c>GET /api/account</c> (function <c>GetAccount</c>, read scope): the account the request
/// acts on (self, or <c>?owner=</c> a consenting client for a coach); the smallest owner-scoped read, used by the dashboard header.
/// </summary>
internal static class AccountsApi
{
    public const string CreateFunction = "CreateAccount";
    public const string GetFunction = "GetAccount";

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/accounts", CreateAsync).AsFunction(CreateFunction).WithName(CreateFunction).RequireScope(ApiScopes.Admin);
        endpoints.MapGet("/account", GetAsync).AsFunction(GetFunction).WithName(GetFunction).RequireScope(ApiScopes.Read);
        return endpoints;
    }

    private static async Task<Results<Created<AccountResponse>, Ok<AccountResponse>>> CreateAsync(
        CreateAccountRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<AccountKind>(request.Kind ?? nameof(AccountKind.Owner), ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new DomainException("account.bad-kind", "An account is an owner, a coach or an admin.", "kind");
        }

        var (account, created) = await accounts.CreateAccountAsync(request.Id ?? string.Empty, kind, request.Name ?? string.Empty, request.TimeZone, cancellationToken)
            .ConfigureAwait(false);
        var body = AccountResponse.Of(account);
        return created ? TypedResults.Created($"/api/account?owner={account.AccountId}", body) : TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetAsync(
        HttpContext context, OwnerAccess access, AccountService accounts, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } owner
            || await accounts.FindAccountAsync(owner.OwnerId, cancellationToken).ConfigureAwait(false) is not { } account)
        {
            return OwnerAccess.NotFound();
        }

        return TypedResults.Ok(AccountResponse.Of(account));
    }
}
