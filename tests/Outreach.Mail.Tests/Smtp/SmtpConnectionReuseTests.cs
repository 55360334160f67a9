using Microsoft.Extensions.Logging.Abstractions;
using Outreach.Core.Messaging.Delivery;
using Outreach.Mail.Smtp;
using Outreach.Mail.Tests.Support;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;

namespace Outreach.Mail.Tests.Smtp;

public sealed class SmtpConnectionReuseTests
{
    private readonly ManualTimeProvider _clock = new();

    private SmtpMailTransport Transport(int port) => new(
        new SmtpOptions { Host = "127.0.0.1", Port = port, EnableSsl = false, MaxConnections = 1, IdleTimeout = TimeSpan.FromSeconds(30) },
        _clock,
        NullLogger<SmtpMailTransport>.Instance);

    [Fact]
    public async Task Consecutive_sends_share_one_connection()
    {
        await using var server = new ScriptedSmtpServer();
        using var transport = Transport(server.Port);

        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(29));
            Assert.Equal(SendResultKind.Sent, (await transport.SendAsync(SampleMessages.Plain($"p{i}@example.org"), CancellationToken.None)).Kind);
        }

        Assert.Equal(1, server.Connections);
        Assert.Equal(3, server.MessagesAccepted);
    }

    [Fact]
    public async Task A_connection_idle_past_the_timeout_is_replaced()
    {
        await using var server = new ScriptedSmtpServer();
        using var transport = Transport(server.Port);

        await transport.SendAsync(SampleMessages.Plain("a@example.org"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await transport.SendAsync(SampleMessages.Plain("b@example.org"), CancellationToken.None);

        Assert.Equal(2, server.Connections);
        Assert.Equal(2, server.MessagesAccepted);
    }

    [Fact]
    public async Task A_failed_send_does_not_reuse_its_connection()
    {
        await using var server = new ScriptedSmtpServer(new Dictionary<string, string> { ["gone@example.org"] = "550 5.1.1 unknown" });
        using var transport = Transport(server.Port);

        await transport.SendAsync(SampleMessages.Plain("gone@example.org"), CancellationToken.None);
        await transport.SendAsync(SampleMessages.Plain("b@example.org"), CancellationToken.None);

        Assert.Equal(2, server.Connections);
        Assert.Equal(1, server.MessagesAccepted);
    }
}
