using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core.Accounts;
using Outreach.Core.Senders;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// <c>GET /api/sender</c> (<c>GetSender</c>; 404 until one is set) and <c>PUT /api/sender</c> (<c>UpdateSender</c>): the
/// owner's sender profile, which planning needs before the first enrolment (time zone and window) and sending uses.
/// A change of what drafts print of the sender (name, signature, school, program) has the planned drafts measured and
/// scored again by the next dispatcher run (<see cref="PendingDrafts"/>). Both answer the profile's <c>ETag</c>; a PUT
/// with <c>If-Match</c> applies only to that version (412 otherwise), and one without it never undoes a mailbox change
/// saved at the same moment (<see cref="SenderProfileEdit"/>). A coach or admin acting for the owner cannot change the
/// profile's address once set (403 <c>sender.owner-only</c>, target <c>email</c>).
/// </summary>
internal static class SenderApi
{
    public const string GetFunction = "GetSender";
    public const string UpdateFunction = "UpdateSender";

    public static IEndpointRouteBuilder MapSender(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sender", GetAsync).AsFunction(GetFunction).WithName(GetFunction).RequireScope(ApiScopes.Read);
        endpoints.MapPut("/sender", PutAsync).AsFunction(UpdateFunction).WithName(UpdateFunction).RequireScope(ApiScopes.Write);
        return endpoints;
    }

    private static async Task<Results<Ok<SenderBody>, ProblemHttpResult>> GetAsync(
        HttpContext context, OwnerAccess access, DispatchStorage storage, ISenderProfileStore profiles, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (await profiles.GetAsync(owner.OwnerId, cancellationToken).ConfigureAwait(false) is not { } profile)
        {
            return OwnerAccess.NotFound();
        }

        SenderProfileEdit.Tag(context, profile);
        return TypedResults.Ok(SenderBody.Of(profile));
    }

    private static async Task<Results<Ok<SenderBody>, ProblemHttpResult>> PutAsync(
        SenderBody body, HttpContext context, OwnerAccess access, DispatchStorage storage, ISenderProfileStore profiles, TimeProvider time,
        PendingDrafts drafts, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var addressRefused = false;
        var (previous, profile, problem) = await SenderProfileEdit.ApplyAsync(
            profiles,
            owner.OwnerId,
            SenderProfileEdit.IfMatchOf(context),
            current =>
            {
                var next = body.ToProfile(owner.OwnerId, current, now);
                addressRefused = owner.OnBehalf && current is not null && !string.Equals(next.Email, current.Email, StringComparison.OrdinalIgnoreCase);
                return addressRefused ? null : next;
            },
            cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (addressRefused)
        {
            return AddressOwnerOnly();
        }

        if (previous is not null && previous.ToTemplateSender() != profile!.ToTemplateSender())
        {
            // Every draft prints the sender (name, signature): the planned ones are measured and scored again.
            await drafts.OfSenderChangedAsync(owner.OwnerId, cancellationToken).ConfigureAwait(false);
        }

        SenderProfileEdit.Tag(context, profile!);
        return TypedResults.Ok(SenderBody.Of(profile!));
    }

    /// <summary>
    /// 403: a coach or admin acting for the student may set up their profile and change its schedule, window and caps,
    /// but not the address notes go out from once it is set. That address is the student's identity to every contact,
    /// as their mailbox is (<c>PUT /api/sender/smtp</c> is the owner's alone too).
    /// </summary>
    private static ProblemHttpResult AddressOwnerOnly() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Only the owner can change the address their notes are sent from; a coach or admin acting for them cannot.",
        extensions: new Dictionary<string, object?> { ["code"] = "sender.owner-only", ["target"] = "email" });
}
