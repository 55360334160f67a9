using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Functions.Hosting;
using Outreach.Functions.Sending;
using Outreach.Mail.Smtp;

namespace Outreach.Functions.Campaigns;

/// <summary>The answers of the owner's SMTP account endpoints that are not a field's 400.</summary>
internal static class SmtpProblems
{
    /// <summary>403: a coach or admin acting for the owner may not set, remove or test the owner's mailbox.</summary>
    public static ProblemHttpResult OwnerOnly() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Only the owner can set, remove or test their own mailbox.",
        extensions: new Dictionary<string, object?> { ["code"] = "smtp.owner-only", ["target"] = "owner" });

    /// <summary>503: the deployment has no key ring to seal passwords with (the message names the setting, no value).</summary>
    public static ProblemHttpResult SecretsNotConfigured(FunctionAppConfigurationException e) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: e.Message,
        extensions: new Dictionary<string, object?> { ["code"] = "secrets.not-configured", ["target"] = $"{SecretKeyOptions.SectionName}:Keys" });

    /// <summary>422: the mailbox check failed at <paramref name="step"/>; the target is the field to look at.</summary>
    public static ProblemHttpResult CheckFailed(string step, string detail, IReadOnlyList<string> passed) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: step switch
        {
            "connect" => "Could not reach the mail server: check the host and port.",
            "tls" => "The secure connection (STARTTLS) failed.",
            _ => "The mail server refused the login: check the user name and password.",
        },
        detail: detail,
        extensions: new Dictionary<string, object?>
        {
            ["code"] = $"smtp.{step}-failed",
            ["target"] = step switch { "connect" => "host", "tls" => "startTls", _ => "password" },
            ["step"] = step,
            ["passed"] = passed,
        });

    /// <summary>422: the owner's server is one the deployment may not connect to (<see cref="SmtpServerPolicy"/>); the target is the field to change.</summary>
    public static ProblemHttpResult ServerNotAllowed(SmtpServerRefusal refusal) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "This mail server cannot be used from here: it is not a public mail server.",
        detail: refusal.Message,
        extensions: new Dictionary<string, object?>
        {
            ["code"] = "smtp.server-not-allowed",
            ["target"] = refusal.Field,
            ["step"] = "connect",
            ["passed"] = Array.Empty<string>(),
        });

    /// <summary>
    /// 422: the server offers no login mechanism the sender can use (System.Net.Mail logs in with LOGIN, NTLM or GSSAPI,
    /// never PLAIN), so every note would be refused whatever the password: the target is the server, not the password.
    /// </summary>
    public static ProblemHttpResult LoginUnsupported(IReadOnlyList<string> offered, string detail, IReadOnlyList<string> passed) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "Your mail server offers no login this sender can use: it logs in with AUTH LOGIN, and the server offers only "
            + string.Join(' ', offered) + ". The password is not the problem: ask your mail provider for a submission server that offers AUTH LOGIN (Gmail, Outlook 365, iCloud and Fastmail all do).",
        detail: detail,
        extensions: new Dictionary<string, object?>
        {
            ["code"] = "smtp.login-unsupported",
            ["target"] = "host",
            ["step"] = "authentication",
            ["passed"] = passed,
            ["offered"] = offered,
        });
}
