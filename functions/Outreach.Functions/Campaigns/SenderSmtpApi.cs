using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core.Accounts;
using Outreach.Core.Senders;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Hosting;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;
using Outreach.Functions.Sending;
using Outreach.Mail.Smtp;
using Microsoft.Extensions.Options;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// <c>PUT /api/sender/smtp</c> (<c>SetSenderSmtp</c>) and <c>DELETE /api/sender/smtp</c> (<c>RemoveSenderSmtp</c>): the
/// owner's own mailbox, through which their outreach is sent instead of the deployment's account. The password is sealed
/// for the owner (<see cref="SecretProtector"/>) before it is stored and is never returned; the next send uses the new
/// account (the transport cache compares the whole account). It belongs to a sender profile, so one must be set first
/// (409 <c>smtp.no-sender</c> naming <c>PUT /api/sender</c>). Only the owner may set, remove or test it: a coach or admin
/// acting for them gets 403 <c>smtp.owner-only</c>, since the password is the owner's own mailbox. <c>POST
/// /api/sender/smtp/test</c> (<c>TestSenderSmtp</c>, <see cref="SenderSmtpCheck"/>) logs in without sending. A change is
/// a version-checked edit of the profile (<see cref="SenderProfileEdit"/>: never lost to a profile save at the same
/// moment; <c>If-Match</c> honoured) and drops this instance's cached transport for the old account.
/// </summary>
internal static class SenderSmtpApi
{
    public const string SetFunction = "SetSenderSmtp";
    public const string RemoveFunction = "RemoveSenderSmtp";

    public static IEndpointRouteBuilder MapSenderSmtp(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPut("/sender/smtp", PutAsync).AsFunction(SetFunction).WithName(SetFunction).RequireScope(ApiScopes.Write);
        endpoints.MapDelete("/sender/smtp", DeleteAsync).AsFunction(RemoveFunction).WithName(RemoveFunction).RequireScope(ApiScopes.Write);
        endpoints.MapPost("/sender/smtp/test", SenderSmtpCheck.HandleAsync).AsFunction(SenderSmtpCheck.Function).WithName(SenderSmtpCheck.Function).RequireScope(ApiScopes.Write);
        return endpoints;
    }

    private static async Task<Results<Ok<SenderBody>, ProblemHttpResult>> PutAsync(
        SmtpAccountBody body, HttpContext context, OwnerAccess access, DispatchStorage storage, ISenderProfileStore profiles,
        Lazy<SecretProtector> secrets, MailTransportProvider transports, IOptions<SmtpOptions> smtp, CancellationToken cancellationToken)
    {
        var (ownerId, problem) = await OwnerOnlyAsync(context, access, cancellationToken).ConfigureAwait(false);
        if (ownerId is null)
        {
            return problem!;
        }

        SecretProtector protector;
        try
        {
            protector = secrets.Value;
        }
        catch (FunctionAppConfigurationException e)
        {
            return SmtpProblems.SecretsNotConfigured(e);
        }

        var account = body.ToAccount(ownerId, protector, smtp.Value.AllowPrivateServers);
        return await EditAsync(context, storage, profiles, transports, ownerId, current => current with { Smtp = account }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Results<Ok<SenderBody>, ProblemHttpResult>> DeleteAsync(
        HttpContext context, OwnerAccess access, DispatchStorage storage, ISenderProfileStore profiles, MailTransportProvider transports,
        CancellationToken cancellationToken)
    {
        var (ownerId, problem) = await OwnerOnlyAsync(context, access, cancellationToken).ConfigureAwait(false);
        if (ownerId is null)
        {
            return problem!;
        }

        return await EditAsync(context, storage, profiles, transports, ownerId, current => current.Smtp is null ? null : current with { Smtp = null }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The account change as a version-checked edit of the profile (<see cref="SenderProfileEdit"/>, which reads it: 409
    /// <c>smtp.no-sender</c> when there is none), then this instance's cached transport for the old account dropped, so
    /// its connections close once no send uses them.
    /// </summary>
    private static async Task<Results<Ok<SenderBody>, ProblemHttpResult>> EditAsync(
        HttpContext context, DispatchStorage storage, ISenderProfileStore profiles, MailTransportProvider transports, string ownerId,
        Func<SenderProfile, SenderProfile?> change, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var (_, saved, problem) = await SenderProfileEdit.ApplyAsync(
            profiles, ownerId, SenderProfileEdit.IfMatchOf(context), current => current is null ? null : change(current), cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (saved is null)
        {
            return NoSender();
        }

        transports.Forget(ownerId);
        SenderProfileEdit.Tag(context, saved);
        return TypedResults.Ok(SenderBody.Of(saved));
    }

    /// <summary>The caller's own id, or the problem to answer: 404 (not theirs), 403 (a coach or admin acting for the owner).</summary>
    internal static async Task<(string? OwnerId, ProblemHttpResult? Problem)> OwnerOnlyAsync(HttpContext context, OwnerAccess access, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return (null, OwnerAccess.NotFound());
        }

        return owner.OnBehalf ? (null, SmtpProblems.OwnerOnly()) : (owner.OwnerId, null);
    }

    private static ProblemHttpResult NoSender() =>
        ConflictProblems.Of("smtp.no-sender", "Set up your sender profile first (PUT /api/sender: your address and time zone), then your mailbox.", "sender");
}
