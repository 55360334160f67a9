using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core.Accounts;

namespace Outreach.Functions.Security;

/// <summary>
/// The ownership check every endpoint that touches an owner's data goes through. The owner is the caller unless the
/// request names another with <c>?owner=&lt;id&gt;</c> or <c>X-Outreach-Owner: &lt;id&gt;</c>; a coach may then act for a
/// client who has consented (with the consented scopes), an admin for anyone. A null result must be answered with
/// <see cref="NotFound"/>: the same 404 a missing resource gets, so nobody learns that another owner's data exists.
/// </summary>
internal sealed class OwnerAccess(AccountService accounts)
{
    public const string OwnerQuery = "owner";
    public const string OwnerHeader = "X-Outreach-Owner";

    /// <summary>The owner the request acts on (self, or the one it names), if the caller may do <paramref name="required"/> there.</summary>
    public Task<OwnerScope?> ResolveAsync(HttpContext context, ApiScopes required, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? named = context.Request.Query[OwnerQuery];
        if (string.IsNullOrEmpty(named))
        {
            named = context.Request.Headers[OwnerHeader];
        }

        var caller = PrincipalClaims.Read(context.User);
        return caller is null
            ? Task.FromResult<OwnerScope?>(null)
            : RequireAsync(caller, string.IsNullOrEmpty(named) ? caller.AccountId : named, required, cancellationToken);
    }

    /// <summary>The scope on <paramref name="ownerId"/>'s data, if <paramref name="user"/> may do <paramref name="required"/> there.</summary>
    public Task<OwnerScope?> RequireAsync(ClaimsPrincipal user, string ownerId, ApiScopes required, CancellationToken cancellationToken) =>
        PrincipalClaims.Read(user) is { } caller
            ? RequireAsync(caller, ownerId, required, cancellationToken)
            : Task.FromResult<OwnerScope?>(null);

    /// <summary>The scope on <paramref name="ownerId"/>'s data, if <paramref name="caller"/> may do <paramref name="required"/> there.</summary>
    public async Task<OwnerScope?> RequireAsync(Principal caller, string ownerId, ApiScopes required, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccountIds.IsValid(ownerId))
        {
            return null;
        }

        var consent = caller.Kind == AccountKind.Coach && !string.Equals(caller.AccountId, ownerId, StringComparison.Ordinal)
            ? await accounts.FindConsentAsync(caller.AccountId, ownerId, cancellationToken).ConfigureAwait(false)
            : null;
        return AccessPolicy.Allows(caller, ownerId, required, consent) ? new OwnerScope(ownerId, caller) : null;
    }

    /// <summary>The one "not found" answer, for missing resources and for other owners' resources alike.</summary>
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "There is no such resource.");
}
