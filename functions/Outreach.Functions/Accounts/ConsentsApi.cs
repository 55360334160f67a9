using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;

namespace Outreach.Functions.Accounts;

/// <summary>
/// Consents: <c>POST /api/consents</c> (<c>GrantConsent</c>) lets a coach act on the caller's data; <c>DELETE
/// /api/consents/{coachId}</c> (<c>RevokeConsent</c>) withdraws it (the coach's side is <see cref="CoachRosterApi"/>).
/// Consent is always the caller's own: nobody grants for someone else.
/// POST also takes an HTML form, which must then carry an antiforgery token (<see cref="FormPosts"/>).
/// </summary>
internal static class ConsentsApi
{
    public const string GrantFunction = "GrantConsent";
    public const string RevokeFunction = "RevokeConsent";

    public static IEndpointRouteBuilder MapConsents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/consents", GrantAsync).AsFunction(GrantFunction).WithName(GrantFunction).RequireScope(ApiScopes.Write)
            .Accepts<GrantConsentRequest>("application/json", "application/x-www-form-urlencoded", "multipart/form-data");
        endpoints.MapDelete("/consents/{coachId}", RevokeAsync).AsFunction(RevokeFunction).WithName(RevokeFunction).RequireScope(ApiScopes.Write);
        return endpoints;
    }

    private static async Task<IResult> GrantAsync(HttpContext context, AccountService accounts, CancellationToken cancellationToken)
    {
        if (!await FormPosts.IsAllowedAsync(context).ConfigureAwait(false))
        {
            return FormPosts.Rejected();
        }

        var request = await ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        var caller = PrincipalClaims.Read(context.User)!;
        if (caller.Kind != AccountKind.Owner)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Only owners (clients) give consent to a coach.");
        }

        var scopes = ApiScopeNames.Parse(request.Scopes, ApiScopes.Read, "scopes");
        var consent = await accounts.GrantConsentAsync(caller.AccountId, request.CoachId ?? string.Empty, scopes, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/consents/{consent.CoachId}", ConsentResponse.Of(consent));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string coachId, HttpContext context, AccountService accounts, CancellationToken cancellationToken)
    {
        var caller = PrincipalClaims.Read(context.User)!;
        return await accounts.RevokeConsentAsync(caller.AccountId, coachId, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : OwnerAccess.NotFound();
    }

    private static async Task<GrantConsentRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            return new GrantConsentRequest(form["coachId"], [.. form["scopes"].OfType<string>()]);
        }

        if (!request.HasJsonContentType())
        {
            throw new DomainException("request.content-type", "Send the consent as JSON or as a form.", "Content-Type");
        }

        try
        {
            return await request.ReadFromJsonAsync<GrantConsentRequest>(cancellationToken).ConfigureAwait(false)
                ?? new GrantConsentRequest(null, null);
        }
        catch (JsonException e)
        {
            throw new DomainException("request.bad-json", $"The body is not valid JSON ({e.Path}).", "body");
        }
    }
}
