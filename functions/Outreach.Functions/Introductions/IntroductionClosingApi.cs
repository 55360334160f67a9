using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Core.Introductions;
using Outreach.Functions.Campaigns;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;

namespace Outreach.Functions.Introductions;

/// <summary>
/// The introducer ends an introduction: <c>POST /api/introductions/{id}/close</c> (<c>CloseIntroduction</c>) completes
/// one that was made, and a nudge still pending is skipped; <c>POST /api/introductions/{id}/cancel</c>
/// (<c>CancelIntroduction</c>) withdraws a request B has not answered, and the consent ask, if not yet sent, is skipped.
/// Doing it again changes nothing; any other move is 409 naming the introduction's state. A write that loses to another
/// writer (B answering, the timer) is applied again to what is stored then (<see cref="IntroductionService.ApplyToLatestAsync"/>).
/// </summary>
internal static class IntroductionClosingApi
{
    public const string CloseFunction = "CloseIntroduction";
    public const string CancelFunction = "CancelIntroduction";

    public static IEndpointRouteBuilder MapIntroductionClosing(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/introductions/{id}/close", CloseAsync).AsFunction(CloseFunction).WithName(CloseFunction).RequireScope(ApiScopes.Write);
        endpoints.MapPost("/introductions/{id}/cancel", CancelAsync).AsFunction(CancelFunction).WithName(CancelFunction).RequireScope(ApiScopes.Write);
        return endpoints;
    }

    private static Task<Results<Ok<IntroductionResponse>, ProblemHttpResult>> CloseAsync(
        string id, HttpContext context, OwnerAccess access, DispatchStorage storage, IIntroductionStore store, IntroductionService introductions,
        IntroductionViews views, CancellationToken cancellationToken) =>
        MoveAsync(id, context, access, storage, store, views, (i, ct) => introductions.ApplyToLatestAsync(i, introductions.CloseAsync, ct), cancellationToken);

    private static Task<Results<Ok<IntroductionResponse>, ProblemHttpResult>> CancelAsync(
        string id, HttpContext context, OwnerAccess access, DispatchStorage storage, IIntroductionStore store, IntroductionService introductions,
        IntroductionViews views, CancellationToken cancellationToken) =>
        MoveAsync(id, context, access, storage, store, views, (i, ct) => introductions.ApplyToLatestAsync(i, introductions.CancelAsync, ct), cancellationToken);

    private static async Task<Results<Ok<IntroductionResponse>, ProblemHttpResult>> MoveAsync(
        string id, HttpContext context, OwnerAccess access, DispatchStorage storage, IIntroductionStore store, IntroductionViews views,
        Func<Introduction, CancellationToken, Task<Introduction>> move, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (await store.GetAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is not { } introduction)
        {
            return OwnerAccess.NotFound();
        }

        try
        {
            var moved = await move(introduction, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(await views.ResponseAsync(moved, owner, cancellationToken).ConfigureAwait(false));
        }
        catch (DomainException e) when (IntroductionsApi.IsStateConflict(e))
        {
            return ConflictProblems.Of(e);
        }
    }
}
