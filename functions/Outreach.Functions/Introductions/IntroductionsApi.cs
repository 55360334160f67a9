using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Core.Introductions;
using Outreach.Core.Sending;
using Outreach.Functions.Campaigns;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;

namespace Outreach.Functions.Introductions;

/// <summary>
/// The introducer's side of pay-it-forward introductions: <c>POST /api/introductions</c> (<c>CreateIntroduction</c>; the
/// introducer confirms A's consent with <c>personAConsented: true</c>, see <see cref="IntroductionRequest"/>),
/// <c>GET /api/introductions?state=</c> (<c>ListIntroductions</c>; one state or a comma-separated list), <c>GET /api/introductions/{id}</c>
/// (<c>GetIntroduction</c>) and <c>POST /api/introductions/{id}/answer</c> (<c>AnswerIntroduction</c>: B answered by
/// another route; the owner only, 403 for a coach or admin acting for them). A move the workflow forbids from the
/// current state is 409 naming that state; an answer whose write lost to another writer (B on the consent page, the
/// timer) is applied again to what is stored then, so only an answer that state refuses is a 409. So is a request
/// between two people who already have one open (<c>introduction.duplicate</c>, naming it), which would send B a second
/// consent ask, also when the two requests arrive at once.
/// </summary>
internal static class IntroductionsApi
{
    public const string CreateFunction = "CreateIntroduction";
    public const string ListFunction = "ListIntroductions";
    public const string GetFunction = "GetIntroduction";
    public const string AnswerFunction = "AnswerIntroduction";
    public const int MaxReasonLength = 1000;

    public static IEndpointRouteBuilder MapIntroductions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/introductions", CreateAsync).AsFunction(CreateFunction).WithName(CreateFunction).RequireScope(ApiScopes.Write | ApiScopes.Send);
        endpoints.MapGet("/introductions", ListAsync).AsFunction(ListFunction).WithName(ListFunction).RequireScope(ApiScopes.Read);
        endpoints.MapGet("/introductions/{id}", GetAsync).AsFunction(GetFunction).WithName(GetFunction).RequireScope(ApiScopes.Read);
        endpoints.MapPost("/introductions/{id}/answer", AnswerAsync).AsFunction(AnswerFunction).WithName(AnswerFunction).RequireScope(ApiScopes.Write | ApiScopes.Send);
        return endpoints;
    }

    /// <summary>True for the workflow refusals that are about the introduction's state rather than the request (409).</summary>
    public static bool IsStateConflict(DomainException e) => e.Code is "introduction.invalid-transition" or "introduction.contradicting-answer"
        or "introduction.consent-expired" or "introduction.changed" or "introduction.not-yet-due";

    /// <exception cref="DomainException">Neither <c>yes</c> nor <c>no</c> (target <c>answer</c>).</exception>
    public static ConsentAnswer ParseAnswer(string? answer) => answer?.Trim().ToLowerInvariant() switch
    {
        "yes" => ConsentAnswer.Yes,
        "no" => ConsentAnswer.No,
        _ => throw new DomainException("introduction.bad-answer", "The answer is yes or no.", "answer"),
    };

    private static async Task<Results<Created<IntroductionResponse>, ProblemHttpResult>> CreateAsync(
        IntroductionRequest request, HttpContext context, OwnerAccess access, DispatchStorage storage, IContactReader contacts,
        IntroductionService introductions, IntroductionViews views, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write | ApiScopes.Send, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > MaxReasonLength)
        {
            throw new DomainException("introduction.invalid", $"Say in 1 to {MaxReasonLength} characters why they should meet.", "reason");
        }

        // Double opt-in on both sides: B is asked by the consent link; A, who is never mailed before B's yes, is vouched
        // for by the introducer, who must have A's agreement before B is told A's name.
        if (request.PersonAConsented is not true)
        {
            throw new DomainException(
                "introduction.person-a-consent",
                "Confirm that the person to introduce (A) asked for or agreed to this introduction: set personAConsented to true.",
                "personAConsented");
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await RequireEmailContactAsync(owner.OwnerId, request.PersonAContactId, "personAContactId", contacts, cancellationToken).ConfigureAwait(false);
        await RequireEmailContactAsync(owner.OwnerId, request.PersonBContactId, "personBContactId", contacts, cancellationToken).ConfigureAwait(false);
        // The caller vouched for A (the introducer, or a coach requesting it for them): who and when is kept for audit.
        Introduction introduction;
        try
        {
            introduction = await introductions.RequestAsync(
                owner.OwnerId, request.PersonAContactId!, request.PersonBContactId!, request.Reason, owner.Caller.AccountId, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DomainException e) when (e.Code is "introduction.duplicate" or "introduction.changed")
        {
            // Open between the two already, or other requests for them at the same moment kept taking their claim.
            return ConflictProblems.Of(e);
        }

        return TypedResults.Created(
            $"/api/introductions/{introduction.IntroductionId}",
            await views.ResponseAsync(introduction, owner, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<IntroductionListResponse>, ProblemHttpResult>> ListAsync(
        string? state, HttpContext context, OwnerAccess access, DispatchStorage storage, IIntroductionStore store, IntroductionViews views,
        CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        // One state or several (comma-separated): the dashboard asks for the open ones only, so an owner's history of
        // ended introductions costs no view (two contact reads each) per page load.
        HashSet<IntroductionState>? only = string.IsNullOrWhiteSpace(state)
            ? null
            : [.. state.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => IntroductionStates.Parse(s, "state"))];
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var all = await store.ListAsync(owner.OwnerId, cancellationToken).ConfigureAwait(false);
        var shown = await views.ResponsesAsync(all.Where(i => only is null || only.Contains(i.State)), owner, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new IntroductionListResponse(shown));
    }

    private static async Task<Results<Ok<IntroductionResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, OwnerAccess access, DispatchStorage storage, IIntroductionStore store, IntroductionViews views,
        CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await store.GetAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is { } introduction
            ? TypedResults.Ok(await views.ResponseAsync(introduction, owner, cancellationToken).ConfigureAwait(false))
            : OwnerAccess.NotFound();
    }

    private static async Task<Results<Ok<IntroductionResponse>, ProblemHttpResult>> AnswerAsync(
        string id, AnswerRequest request, HttpContext context, OwnerAccess access, DispatchStorage storage, IIntroductionStore store,
        IntroductionService introductions, IntroductionViews views, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write | ApiScopes.Send, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        // B's answer is B's consent: only B (the link) or the introducer who spoke to B may record it. A coach or admin
        // acting for the owner may not, for the same reason they are never shown B's link: a yes sends the introduction.
        if (owner.OnBehalf)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Only the introducer can record B's answer; a coach or admin acting for them cannot.",
                extensions: new Dictionary<string, object?> { ["code"] = "introduction.not-allowed", ["target"] = "owner" });
        }

        var answer = ParseAnswer(request.Answer);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (await store.GetAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is not { } introduction)
        {
            return OwnerAccess.NotFound();
        }

        try
        {
            // B may answer on the consent page, or the timer stall or expire the request, between the read above and this
            // write: the answer is applied again to what is stored then, and refused only if that no longer allows it.
            var answered = await introductions.ApplyToLatestAsync(
                introduction, (current, ct) => introductions.AnswerAsync(current, answer, ConsentResponder.ByOwner(owner.OwnerId), ct), cancellationToken)
                .ConfigureAwait(false);
            return TypedResults.Ok(await views.ResponseAsync(answered, owner, cancellationToken).ConfigureAwait(false));
        }
        catch (DomainException e) when (IsStateConflict(e))
        {
            return ConflictProblems.Of(e);
        }
    }

    private static async Task RequireEmailContactAsync(string ownerId, string? contactId, string target, IContactReader contacts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(contactId))
        {
            throw new DomainException("introduction.invalid", "Name both people by contact id.", target);
        }

        var contact = await contacts.GetAsync(ownerId, contactId, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException("introduction.unknown-contact", $"'{contactId}' is not one of your contacts.", target);
        if (string.IsNullOrWhiteSpace(contact.Email))
        {
            throw new DomainException("introduction.no-email", $"Contact '{contactId}' has no email address; an introduction goes by email.", target);
        }
    }
}
