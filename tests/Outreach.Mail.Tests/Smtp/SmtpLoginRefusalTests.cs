using Microsoft.Extensions.Logging.Abstractions;
using Outreach.Core.Messaging.Delivery;
using Outreach.Mail.Smtp;
using Outreach.Mail.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Mail.Tests.Smtp;

/// <summary>
/// SmtpClient never reports a login that failed or could not start: it goes on without one and the server refuses
/// MAIL FROM with 530. With a login configured, that is a failed login, named so, not a "policy" refusal.
/// </summary>
public sealed class SmtpLoginRefusalTests
{
    [Fact]
    public async Task A_server_offering_only_auth_plain_gets_no_login_and_the_send_fails_as_not_logged_in()
    {
        // RFC 4954's mandatory mechanism is PLAIN; System.Net.Mail has only LOGIN, NTLM and GSSAPI.
        await using var server = new ScriptedSmtpServer(mailFromReply: "530 5.7.0 Authentication required") { AuthMechanisms = "PLAIN" };
        using var transport = Transport(server.Port, userName: "sam@mailbox.example");

        var result = await transport.SendAsync(SampleMessages.Plain("ann@example.org"), CancellationToken.None);

        Assert.Equal((SendResultKind.Failed, 530, SendFailureCauses.NotLoggedIn), (result.Kind, result.StatusCode, result.Cause));
        Assert.DoesNotContain("AUTH", server.Verbs);
        Assert.Equal(0, server.MessagesReceived);
    }

    [Fact]
    public async Task Without_a_login_configured_a_530_stays_a_policy_refusal()
    {
        await using var server = new ScriptedSmtpServer(mailFromReply: "530 5.7.0 Authentication required");
        using var transport = Transport(server.Port, userName: null);

        var result = await transport.SendAsync(SampleMessages.Plain("ann@example.org"), CancellationToken.None);

        Assert.Equal((SendResultKind.Failed, SendFailureCauses.RefusedByPolicy), (result.Kind, result.Cause));
    }

    private static SmtpMailTransport Transport(int port, string? userName) => new(
        new SmtpOptions { Host = "127.0.0.1", Port = port, EnableSsl = false, Timeout = TimeSpan.FromSeconds(10), UserName = userName, Password = userName is null ? null : "pw" },
        TimeProvider.System, NullLogger<SmtpMailTransport>.Instance);
}
