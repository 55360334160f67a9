using Microsoft.Extensions.Logging.Abstractions;
using Outreach.Core.Messaging.Delivery;
using Outreach.Mail.Smtp;
using Outreach.Mail.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Mail.Tests.Smtp;

public sealed class SmtpFailureTests
{
    private static readonly Dictionary<string, string> Replies = new()
    {
        ["gone@example.org"] = "550 5.1.1 Mailbox unavailable",
        ["bad@example.org"] = "553 5.1.3 Mailbox name not allowed",
        ["busy@example.org"] = "451 4.3.0 Try again later",
        ["gone@xn--universitt-y5a.example"] = "550 5.1.1 Mailbox unavailable",
    };

    private static SmtpMailTransport Transport(int port, int timeoutSeconds = 10, bool enableSsl = false) => new(
        new SmtpOptions { Host = "127.0.0.1", Port = port, EnableSsl = enableSsl, Timeout = TimeSpan.FromSeconds(timeoutSeconds) },
        TimeProvider.System, NullLogger<SmtpMailTransport>.Instance);

    [Fact]
    public async Task Connection_refused_is_transient()
    {
        using var transport = Transport(NodeProcess.FreeLoopbackPort());
        var message = SampleMessages.Plain("ann@example.org");

        var result = await transport.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendResultKind.Transient, result.Kind);
        Assert.Equal(message.MessageId, result.MessageId);
        Assert.Null(result.StatusCode);
        Assert.Throws<MailTransientException>(() => result.ThrowIfTransient());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // SmtpClient's timeout is a bare SmtpException like "no STARTTLS": it must not read as one
    public async Task A_server_that_never_answers_times_out_as_transient(bool enableSsl)
    {
        await using var server = new ScriptedSmtpServer(silent: true);
        using var transport = Transport(server.Port, timeoutSeconds: 1, enableSsl);

        var result = await transport.SendAsync(SampleMessages.Plain("ann@example.org"), CancellationToken.None);

        Assert.Equal(SendResultKind.Transient, result.Kind);
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task A_reply_lost_after_the_server_took_the_whole_message_is_unconfirmed_not_safe_to_retry()
    {
        // A slow content scan: the server holds the whole message, but its 250 comes after our timeout.
        await using var server = new ScriptedSmtpServer { DataReplyDelay = TimeSpan.FromSeconds(10) };
        using var transport = Transport(server.Port, timeoutSeconds: 1);

        var result = await transport.SendAsync(SampleMessages.Plain("ann@example.org"), CancellationToken.None);

        Assert.Equal((1, SendResultKind.Unconfirmed), (server.MessagesReceived, result.Kind));
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task A_connection_dropped_after_the_message_was_handed_over_is_unconfirmed()
    {
        await using var server = new ScriptedSmtpServer { HangUpAfterData = true };
        using var transport = Transport(server.Port);

        var result = await transport.SendAsync(SampleMessages.Plain("ann@example.org"), CancellationToken.None);

        Assert.Equal((1, SendResultKind.Unconfirmed), (server.MessagesReceived, result.Kind));
    }

    [Fact]
    public async Task A_refusal_of_the_finished_message_is_still_a_reply_and_not_unconfirmed()
    {
        // Only silence after DATA is unknown: a 4xx to the final dot says the server did not take the message.
        await using var server = new ScriptedSmtpServer { DataReply = "451 4.7.1 Try again later" };
        using var transport = Transport(server.Port);

        var result = await transport.SendAsync(SampleMessages.Plain("ann@example.org"), CancellationToken.None);

        Assert.Equal((SendResultKind.Transient, 451), (result.Kind, result.StatusCode));
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_a_result()
    {
        await using var server = new ScriptedSmtpServer(silent: true);
        using var transport = Transport(server.Port);
        using var cancel = new CancellationTokenSource();
        var send = transport.SendAsync(SampleMessages.Plain("ann@example.org"), cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
    }

    [Theory]
    [InlineData("gone@example.org", 550)]
    [InlineData("bad@example.org", 553)]
    public async Task Permanent_recipient_refusal_is_rejected_and_nothing_is_delivered(string recipient, int code)
    {
        await using var server = new ScriptedSmtpServer(Replies);
        using var transport = Transport(server.Port);

        var result = await transport.SendAsync(SampleMessages.Plain(recipient), CancellationToken.None);

        Assert.Equal(SendResultKind.Rejected, result.Kind);
        Assert.Equal(code, result.StatusCode);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(recipient, rejection.Recipient.Address);
        Assert.True(rejection.IsPermanent);
        Assert.Equal(0, server.MessagesAccepted);
    }

    [Fact]
    public async Task Temporary_recipient_refusal_is_transient()
    {
        await using var server = new ScriptedSmtpServer(Replies);
        using var transport = Transport(server.Port);

        var result = await transport.SendAsync(SampleMessages.Plain("busy@example.org"), CancellationToken.None);

        Assert.Equal(SendResultKind.Transient, result.Kind);
        Assert.Equal(451, result.StatusCode);
        Assert.Equal(0, server.MessagesAccepted);
    }

    [Fact]
    public async Task Introduction_refused_for_one_of_two_recipients_is_sent_once_with_the_rejection()
    {
        await using var server = new ScriptedSmtpServer(Replies);
        using var transport = Transport(server.Port);

        var result = await transport.SendAsync(SampleMessages.Plain("ann@example.org", "gone@example.org"), CancellationToken.None);

        Assert.Equal(SendResultKind.Sent, result.Kind);
        Assert.Equal(550, Assert.Single(result.Rejections).StatusCode);
        Assert.Equal("gone@example.org", result.Rejections[0].Recipient.Address);
        Assert.Equal(1, server.MessagesAccepted);
    }

    [Theory]
    [InlineData("gone@universität.example")] // SmtpClient names it in IDNA form
    [InlineData("gone@example.org")]
    public async Task A_refusal_is_matched_to_the_refused_recipient_and_never_blamed_on_another(string refused)
    {
        // TaskSender suppresses the refused address: blaming the wrong person would stop mail to someone who got it.
        await using var server = new ScriptedSmtpServer(Replies);
        using var transport = Transport(server.Port);
        var message = new OutgoingMessageBuilder().From("zoe@students.example.edu").To("ann@example.org").To("bob@example.org").Cc(refused)
            .Content(new Core.Messaging.Templates.RenderedMessage("s", "t", "<p>h</p>")).Build();

        var result = await transport.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendResultKind.Sent, result.Kind);
        Assert.Same(message.Cc[0], Assert.Single(result.Rejections).Recipient);
    }

    [Theory]
    [InlineData("553 5.7.1 Sender address rejected", SendResultKind.Failed, 553)]
    [InlineData("421 4.3.2 Service not available", SendResultKind.Transient, 421)]
    public async Task Refusal_of_the_sender_never_blames_the_recipient(string mailFromReply, SendResultKind kind, int code)
    {
        await using var server = new ScriptedSmtpServer(mailFromReply: mailFromReply);
        using var transport = Transport(server.Port);

        var result = await transport.SendAsync(SampleMessages.Plain("ann@example.org"), CancellationToken.None);

        Assert.Equal(kind, result.Kind);
        Assert.Equal(code, result.StatusCode);
        Assert.Empty(result.Rejections);
        Assert.Equal(0, server.MessagesAccepted);
    }

    [Theory]
    [InlineData("554 5.7.1 <ann@example.org>: Relay access denied", 554)] // Postfix, when the account is not authenticated
    [InlineData("550 5.7.1 Service unavailable; client host [203.0.113.9] blocked using zen.spamhaus.org", 550)]
    [InlineData("550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain", 550)] // Exchange Online
    [InlineData("553 5.1.8 <ann@example.org>: Sender address rejected: Domain not found", 553)] // Postfix: our own domain
    public async Task A_recipient_refused_for_a_policy_reason_about_the_sender_fails_without_blaming_the_address(string rcptReply, int code)
    {
        // A 5.7.x refusal at RCPT is about us (relay, authentication, a blocklisted IP), not the address: TaskSender
        // suppresses every refused recipient, so such a refusal would stop mail to contacts whose addresses work.
        await using var server = new ScriptedSmtpServer(new Dictionary<string, string> { ["ann@example.org"] = rcptReply, ["bob@example.org"] = rcptReply });
        using var transport = Transport(server.Port);

        var single = await transport.SendAsync(SampleMessages.Plain("ann@example.org"), CancellationToken.None);
        var both = await transport.SendAsync(SampleMessages.Plain("ann@example.org", "bob@example.org"), CancellationToken.None);

        Assert.All([single, both], result =>
        {
            Assert.Equal((SendResultKind.Failed, code, SendFailureCauses.RefusedByPolicy), (result.Kind, result.StatusCode, result.Cause));
            Assert.Empty(result.Rejections);
        });
        Assert.Equal(0, server.MessagesAccepted);
    }

    [Fact]
    public async Task An_address_with_a_non_ascii_local_part_is_sent_with_smtputf8_when_the_server_offers_it()
    {
        // The importer accepts "josé@example.es"; only SMTPUTF8 (RFC 6531) can carry it.
        await using var server = new ScriptedSmtpServer { OffersSmtpUtf8 = true };
        using var transport = Transport(server.Port);

        var result = await transport.SendAsync(SampleMessages.Plain("josé@example.es"), CancellationToken.None);

        Assert.Equal((SendResultKind.Sent, 1), (result.Kind, server.MessagesAccepted));
    }

    [Fact]
    public async Task An_address_with_a_non_ascii_local_part_fails_for_good_with_the_cause_when_the_server_has_no_smtputf8()
    {
        // Retrying cannot help: the server will not grow SMTPUTF8 by the next delivery.
        await using var server = new ScriptedSmtpServer();
        using var transport = Transport(server.Port);

        var result = await transport.SendAsync(SampleMessages.Plain("josé@example.es"), CancellationToken.None);

        Assert.Equal((SendResultKind.Failed, SendFailureCauses.NonAsciiAddress, 0), (result.Kind, result.Cause, server.MessagesAccepted));
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public async Task A_server_without_starttls_when_tls_is_required_fails_for_good_with_the_cause()
    {
        // Our settings or the server must change; retrying the same server would only fail again.
        await using var server = new ScriptedSmtpServer();
        using var transport = Transport(server.Port, enableSsl: true);

        var result = await transport.SendAsync(SampleMessages.Plain("ann@example.org"), CancellationToken.None);

        Assert.Equal((SendResultKind.Failed, SendFailureCauses.TlsUnavailable, 0), (result.Kind, result.Cause, server.MessagesAccepted));
    }

    [Fact]
    public async Task A_transport_keeps_working_after_a_failure()
    {
        await using var server = new ScriptedSmtpServer(Replies);
        using var transport = Transport(server.Port);

        await transport.SendAsync(SampleMessages.Plain("gone@example.org"), CancellationToken.None);
        var result = await transport.SendAsync(SampleMessages.Plain("ann@example.org"), CancellationToken.None);

        Assert.Equal(SendResultKind.Sent, result.Kind);
        Assert.Equal(1, server.MessagesAccepted);
    }
}
