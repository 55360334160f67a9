using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core.Accounts;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;

namespace Outreach.Functions.Outcomes;

/// <summary><c>DELETE /api/contacts/{id}</c> (<c>EraseContact</c>): erases the contact and its personal data (<see cref="ContactEraser"/>); 204, or 404 for a missing or another owner's contact.</summary>
internal static class ContactErasureApi
{
    public const string FunctionName = "EraseContact";

    public static IEndpointRouteBuilder MapContactErasure(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDelete("/contacts/{id}", EraseAsync).AsFunction(FunctionName).WithName(FunctionName).RequireScope(ApiScopes.Write);
        return endpoints;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EraseAsync(
        string id, HttpContext context, OwnerAccess access, ContactEraser eraser, CancellationToken cancellationToken)
    {
        return await access.ResolveAsync(context, ApiScopes.Write, cancellationToken).ConfigureAwait(false) is { } scope
            && await eraser.EraseAsync(scope.OwnerId, id, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : OwnerAccess.NotFound();
    }
}
