using Microsoft.Extensions.Logging.Abstractions;
using Outreach.Core.Messaging.Delivery;
using Outreach.Mail.Smtp;
using Outreach.Mail.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Mail.Tests.Smtp;

/// <summary>
/// STARTTLS that succeeds, against a real TLS server on 127.0.0.1 with a self-signed certificate: trusted only when its
/// fingerprint is pinned by configuration (<c>Smtp:TrustedCertificateSha256</c>), never by default.
/// </summary>
public sealed class SmtpStartTlsTests
{
    [Fact]
    public async Task A_message_goes_out_over_starttls_to_a_server_whose_certificate_is_pinned()
    {
        using var certificate = SelfSignedCertificate.ForLoopback();
        await using var server = new ScriptedSmtpServer { Certificate = certificate };
        using var transport = Transport(server.Port, SelfSignedCertificate.Sha256Of(certificate));

        var result = await transport.SendAsync(SampleMessages.Plain("ann@example.org"), CancellationToken.None);

        Assert.Equal(SendResultKind.Sent, result.Kind);
        Assert.Equal((1, 1), (server.TlsSessions, server.MessagesAccepted));
        Assert.Equal(["EHLO", "STARTTLS", "EHLO", "MAIL", "RCPT", "DATA"], server.Verbs.Take(6));
    }

    [Fact]
    public async Task A_self_signed_certificate_that_is_not_pinned_fails_the_send_as_tls_failed_and_nothing_is_sent()
    {
        using var certificate = SelfSignedCertificate.ForLoopback();
        await using var server = new ScriptedSmtpServer { Certificate = certificate };
        using var transport = Transport(server.Port, trustedSha256: null);

        var result = await transport.SendAsync(SampleMessages.Plain("ann@example.org"), CancellationToken.None);

        Assert.Equal((SendResultKind.Failed, SendFailureCauses.TlsFailed), (result.Kind, result.Cause));
        Assert.Equal(0, server.MessagesReceived);
    }

    [Fact]
    public async Task The_mailbox_check_passes_tls_with_a_pinned_certificate_and_fails_at_tls_without_it()
    {
        using var certificate = SelfSignedCertificate.ForLoopback();
        await using var server = new ScriptedSmtpServer { Certificate = certificate };
        var options = new SmtpOptions { Host = "127.0.0.1", Port = server.Port, EnableSsl = true, Timeout = TimeSpan.FromSeconds(10) };

        var pinned = await SmtpAccountProbe.ProbeAsync(
            new SmtpOptions { Host = "127.0.0.1", Port = server.Port, EnableSsl = true, Timeout = TimeSpan.FromSeconds(10), TrustedCertificateSha256 = SelfSignedCertificate.Sha256Of(certificate) },
            CancellationToken.None);
        var untrusted = await SmtpAccountProbe.ProbeAsync(options, CancellationToken.None);

        Assert.True(pinned.Succeeded, pinned.Detail);
        Assert.Equal([SmtpProbeStep.Connect, SmtpProbeStep.Tls], pinned.Passed);
        Assert.Equal(SmtpProbeStep.Tls, untrusted.Failed);
    }

    [Fact]
    public void A_pin_that_is_not_a_sha256_fingerprint_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => Transport(25, trustedSha256: "not-a-fingerprint"));

        Assert.Contains("Smtp:TrustedCertificateSha256", error.Message, StringComparison.Ordinal);
    }

    private static SmtpMailTransport Transport(int port, string? trustedSha256) => new(
        new SmtpOptions { Host = "127.0.0.1", Port = port, EnableSsl = true, Timeout = TimeSpan.FromSeconds(10), TrustedCertificateSha256 = trustedSha256 },
        TimeProvider.System, NullLogger<SmtpMailTransport>.Instance);
}
