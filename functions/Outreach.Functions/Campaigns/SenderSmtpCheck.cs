using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Core.Senders;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Hosting;
using Outreach.Functions.Security;
using Outreach.Mail.Smtp;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// <c>POST /api/sender/smtp/test</c> (<c>TestSenderSmtp</c>): logs in to the owner's mailbox and sends nothing
/// (<see cref="SmtpAccountProbe"/>), with the account in the body (checked as <c>PUT /api/sender/smtp</c> checks it,
/// stored nowhere) or, with no body, the stored one. 200 lists the steps that worked; 422 names the step that failed
/// (<c>smtp.connect-failed</c> target <c>host</c>, <c>smtp.tls-failed</c> target <c>startTls</c>,
/// <c>smtp.authentication-failed</c> target <c>password</c>) with the server's refusal, never the password; a server
/// the deployment may not connect to (<see cref="SmtpServerPolicy"/>: a stored account on a port or a host name resolving
/// to an address that is no longer allowed) is 422 <c>smtp.server-not-allowed</c> naming <c>host</c> or <c>port</c>, and
/// is never tried; a server that offers no login the sender can use (only <c>AUTH PLAIN</c>, say) is 422
/// <c>smtp.login-unsupported</c> target <c>host</c>, since no password would help.
/// </summary>
internal static class SenderSmtpCheck
{
    public const string Function = "TestSenderSmtp";

    public static async Task<Results<Ok<SmtpCheckResponse>, ProblemHttpResult>> HandleAsync(
        SmtpAccountBody? body, HttpContext context, OwnerAccess access, DispatchStorage storage, ISenderProfileStore profiles,
        Lazy<SecretProtector> secrets, IOptions<SmtpOptions> defaults, CancellationToken cancellationToken)
    {
        var (ownerId, problem) = await SenderSmtpApi.OwnerOnlyAsync(context, access, cancellationToken).ConfigureAwait(false);
        if (ownerId is null)
        {
            return problem!;
        }

        (string Host, int Port, string UserName, string Password, bool StartTls) account;
        if (body is not null)
        {
            account = body.Validated(defaults.Value.AllowPrivateServers);
        }
        else
        {
            await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            if ((await profiles.GetAsync(ownerId, cancellationToken).ConfigureAwait(false))?.Smtp is not { } stored)
            {
                return ConflictProblems.Of("smtp.no-account", "You have no mailbox stored: send one to test (host, port, userName, password) or save it with PUT /api/sender/smtp.", "smtp");
            }

            try
            {
                account = (stored.Host, stored.Port, stored.UserName, secrets.Value.Unprotect(stored.ProtectedPassword, ownerId), stored.EnableSsl);
            }
            catch (FunctionAppConfigurationException e)
            {
                return SmtpProblems.SecretsNotConfigured(e);
            }
            catch (DomainException e)
            {
                return ConflictProblems.Of("smtp.account-unusable", $"The stored password cannot be used ({e.Code}): set your mailbox again.", "password");
            }
        }

        var result = await SmtpAccountProbe.ProbeAsync(
            defaults.Value.ForAccount(account.Host, account.Port, account.StartTls, account.UserName, account.Password),
            cancellationToken).ConfigureAwait(false);
        var passed = result.Passed.Select(Name).ToList();
        if (result.Refusal is { } refusal)
        {
            return SmtpProblems.ServerNotAllowed(refusal);
        }

        if (result.UnsupportedMechanisms is { } offered)
        {
            return SmtpProblems.LoginUnsupported(offered, result.Detail, passed);
        }

        return result.Failed is { } failed
            ? SmtpProblems.CheckFailed(Name(failed), result.Detail, passed)
            : TypedResults.Ok(new SmtpCheckResponse(account.Host, account.Port, account.StartTls, passed));
    }

    private static string Name(SmtpProbeStep step) => step switch
    {
        SmtpProbeStep.Connect => "connect",
        SmtpProbeStep.Tls => "tls",
        _ => "authentication",
    };
}

/// <summary>A mailbox check that worked: which server, and the steps that worked (<c>connect</c>, <c>tls</c>, <c>authentication</c>).</summary>
internal sealed record SmtpCheckResponse(string Host, int Port, bool StartTls, IReadOnlyList<string> Passed);
