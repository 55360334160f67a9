using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Outreach.Core.Messaging.Delivery;
using Outreach.Mail.Smtp;
using Outreach.Mail.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Mail.Tests.Smtp;

/// <summary>
/// An owner's own mailbox server, in a hosted deployment, is a public mail server or is never connected to: neither the
/// mailbox check nor a send may become a probe of the deployment's own network.
/// </summary>
public sealed class SmtpServerPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("0.0.0.0")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")] // cloud metadata
    [InlineData("168.63.129.16")] // Azure's platform address
    [InlineData("100.64.0.1")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:127.0.0.1")] // IPv4-mapped
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 of 169.254.169.254
    [InlineData("2002:a00:1::1")] // 6to4 of 10.0.0.1
    [InlineData("ff02::1")]
    public void Loopback_private_link_local_and_reserved_addresses_are_not_public(string address) =>
        Assert.False(SmtpServerPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("142.250.102.108")]
    [InlineData("52.97.1.1")]
    [InlineData("172.32.0.1")]
    [InlineData("2a00:1450:4013:c00::6c")]
    [InlineData("::ffff:142.250.102.108")]
    public void Public_addresses_are_public(string address) =>
        Assert.True(SmtpServerPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData(587)]
    [InlineData(25)]
    [InlineData(2525)]
    public void The_mail_ports_are_allowed(int port) => Assert.Null(SmtpServerPolicy.CheckPort(port));

    [Theory]
    [InlineData(80)]
    [InlineData(22)]
    [InlineData(6379)]
    [InlineData(10000)]
    public void Other_ports_are_refused_naming_the_port(int port) =>
        Assert.Equal("port", SmtpServerPolicy.CheckPort(port)?.Field);

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_naming_the_host_without_the_address()
    {
        var (addresses, refusal) = await SmtpServerPolicy.ResolveAsync("localhost", 587, CancellationToken.None);

        Assert.Empty(addresses);
        Assert.Equal("host", refusal?.Field);
        Assert.Contains("loopback", refusal!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_through_an_owners_account_on_a_private_server_fails_unsent_and_the_server_never_hears_of_it()
    {
        await using var server = new ScriptedSmtpServer();
        using var transport = new SmtpMailTransport(OwnerAccount("127.0.0.1", server.Port), TimeProvider.System, NullLogger<SmtpMailTransport>.Instance);

        var result = await transport.SendAsync(SampleMessages.Plain("ann@example.org"), CancellationToken.None);

        Assert.Equal((SendResultKind.Failed, SendFailureCauses.ServerNotAllowed), (result.Kind, result.Cause));
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task A_send_through_a_name_resolving_to_loopback_on_a_mail_port_fails_unsent()
    {
        using var transport = new SmtpMailTransport(OwnerAccount("localhost", 587), TimeProvider.System, NullLogger<SmtpMailTransport>.Instance);

        var result = await transport.SendAsync(SampleMessages.Plain("ann@example.org"), CancellationToken.None);

        Assert.Equal((SendResultKind.Failed, SendFailureCauses.ServerNotAllowed), (result.Kind, result.Cause));
    }

    [Fact]
    public async Task The_mailbox_check_of_a_private_server_fails_at_connect_with_the_refusal_and_never_connects()
    {
        await using var server = new ScriptedSmtpServer();

        var result = await SmtpAccountProbe.ProbeAsync(OwnerAccount("127.0.0.1", server.Port), CancellationToken.None);

        Assert.Equal(SmtpProbeStep.Connect, result.Failed);
        Assert.Equal("port", result.Refusal?.Field);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task With_private_servers_allowed_the_owners_account_on_loopback_is_used()
    {
        await using var server = new ScriptedSmtpServer();
        var options = new SmtpOptions { Host = "deployment.invalid", Timeout = TimeSpan.FromSeconds(10), AllowPrivateServers = true }
            .ForAccount("127.0.0.1", server.Port, enableSsl: false, "sam", "pw");
        using var transport = new SmtpMailTransport(options, TimeProvider.System, NullLogger<SmtpMailTransport>.Instance);

        var result = await transport.SendAsync(SampleMessages.Plain("ann@example.org"), CancellationToken.None);

        Assert.Equal(SendResultKind.Sent, result.Kind);
        Assert.Equal(1, server.MessagesAccepted);
    }

    [Fact]
    public async Task The_deployments_own_server_is_the_operators_choice_and_is_not_checked()
    {
        await using var server = new ScriptedSmtpServer();
        using var transport = new SmtpMailTransport(
            new SmtpOptions { Host = "127.0.0.1", Port = server.Port, EnableSsl = false, Timeout = TimeSpan.FromSeconds(10) },
            TimeProvider.System, NullLogger<SmtpMailTransport>.Instance);

        var result = await transport.SendAsync(SampleMessages.Plain("ann@example.org"), CancellationToken.None);

        Assert.Equal(SendResultKind.Sent, result.Kind);
    }

    private static SmtpOptions OwnerAccount(string host, int port) =>
        new SmtpOptions { Host = "deployment.invalid", Timeout = TimeSpan.FromSeconds(10) }.ForAccount(host, port, enableSsl: false, "sam", "pw");
}
