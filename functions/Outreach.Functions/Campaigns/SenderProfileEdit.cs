using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core.Senders;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// One edit of an owner's sender profile (<c>PUT /api/sender</c>, <c>PUT|DELETE /api/sender/smtp</c>): read, change,
/// and a write that holds only if nobody saved the profile in between (<see cref="ISenderProfileStore.TrySaveAsync"/>).
/// A write that loses (the profile form and the mailbox form saved at once, from two tabs or two devices) reads again
/// and applies its change to the fresh copy, so neither edit silently undoes the other; after
/// <see cref="MaxRounds"/> lost rounds it answers 409 <c>sender.changed</c>. A client that sends <c>If-Match</c> with the
/// <c>ETag</c> of <c>GET /api/sender</c> asks for its change to apply to that version only: when the profile has
/// changed since, 412 <c>sender.changed</c> (target <c>If-Match</c>), so a form filled in on a stale copy does not
/// overwrite what was saved meanwhile.
/// </summary>
internal static class SenderProfileEdit
{
    public const int MaxRounds = 5;

    /// <summary>Applies <paramref name="change"/> (null from it: nothing to write) to the owner's current profile.</summary>
    /// <returns>The profile the change was applied to, the profile as stored after (the current one when nothing was written), or the problem to answer.</returns>
    /// <exception cref="Outreach.Core.DomainException">From <paramref name="change"/>: the body is invalid.</exception>
    public static async Task<(SenderProfile? Previous, SenderProfile? Saved, ProblemHttpResult? Problem)> ApplyAsync(
        ISenderProfileStore profiles, string ownerId, string? ifMatch, Func<SenderProfile?, SenderProfile?> change, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var current = await profiles.GetAsync(ownerId, cancellationToken).ConfigureAwait(false);
            if (ifMatch is not null && !SenderVersionTag.Matches(ifMatch, current?.Version))
            {
                return (current, null, Stale());
            }

            if (change(current) is not { } next)
            {
                return (current, current, null);
            }

            if (await profiles.TrySaveAsync(next with { Version = current?.Version }, cancellationToken).ConfigureAwait(false) is { } saved)
            {
                return (current, saved, null);
            }
        }

        return (null, null, ConflictProblems.Of("sender.changed", "Your sender profile kept changing while this change was being saved: try again.", "sender"));
    }

    /// <summary>The <c>If-Match</c> header of the request, or null when it has none.</summary>
    public static string? IfMatchOf(HttpContext context) =>
        context.Request.Headers.IfMatch is { Count: > 0 } values ? string.Join(',', values.ToArray()) : null;

    /// <summary>Sets the response's <c>ETag</c> to the profile's version, for a later <c>If-Match</c>.</summary>
    public static void Tag(HttpContext context, SenderProfile profile)
    {
        if (profile.Version is { Length: > 0 } version)
        {
            context.Response.Headers.ETag = SenderVersionTag.Header(version);
        }
    }

    private static ProblemHttpResult Stale() => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "Your sender profile changed since you loaded it (saved from another tab or device): load it again and make your change on the current version.",
        extensions: new Dictionary<string, object?> { ["code"] = "sender.changed", ["target"] = "If-Match" });
}
