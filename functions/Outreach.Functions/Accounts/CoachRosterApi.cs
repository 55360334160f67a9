using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core.Accounts;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;

namespace Outreach.Functions.Accounts;

/// <summary>
/// The coach's side of consents. <c>GET /api/coach/clients</c> (<c>ListCoachClients</c>, read scope) lists the coach's
/// consenting clients, nobody else, each with the cohort the coach files them under. <c>PUT
/// /api/coach/clients/{clientId}/cohort</c> (<c>SetClientCohort</c>, write scope) files a consenting client under a
/// cohort (<c>{"cohort": "Spring 2027 MBA"}</c>; null or blank for none), which <c>GET /api/metrics?groupBy=cohort</c>
/// then groups the coach's view by. Anyone but a coach, and a coach naming someone who is not their client, gets 404.
/// </summary>
internal static class CoachRosterApi
{
    public const string ListFunction = "ListCoachClients";
    public const string FileFunction = "SetClientCohort";

    public static IEndpointRouteBuilder MapCoachRoster(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/coach/clients", ListAsync).AsFunction(ListFunction).WithName(ListFunction).RequireScope(ApiScopes.Read);
        endpoints.MapPut("/coach/clients/{clientId}/cohort", FileAsync).AsFunction(FileFunction).WithName(FileFunction).RequireScope(ApiScopes.Write);
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<ConsentResponse>>, ProblemHttpResult>> ListAsync(
        HttpContext context, CoachRoster roster, CancellationToken cancellationToken)
    {
        var caller = PrincipalClaims.Read(context.User)!;
        if (caller.Kind != AccountKind.Coach)
        {
            return OwnerAccess.NotFound();
        }

        var clients = await roster.ListNamedAsync(caller.AccountId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<ConsentResponse>>([.. clients.Select(ConsentResponse.Of)]);
    }

    private static async Task<Results<Ok<ConsentResponse>, ProblemHttpResult>> FileAsync(
        string clientId, FileClientRequest request, HttpContext context, CoachRoster roster, CancellationToken cancellationToken)
    {
        var caller = PrincipalClaims.Read(context.User)!;
        if (caller.Kind != AccountKind.Coach)
        {
            return OwnerAccess.NotFound();
        }

        return await roster.FileAsync(caller.AccountId, clientId, request.Cohort, cancellationToken).ConfigureAwait(false) is { } entry
            ? TypedResults.Ok(ConsentResponse.Of(entry))
            : OwnerAccess.NotFound();
    }
}
