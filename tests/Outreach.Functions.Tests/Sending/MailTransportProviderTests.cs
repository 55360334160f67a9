using Microsoft.Extensions.Logging.Abstractions;
using Outreach.Core.Accounts;
using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Senders;
using Outreach.Functions.Sending;
using Outreach.Mail.Pickup;
using Outreach.Mail.Smtp;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Sending;

/// <summary>
/// The cache of owners' own SMTP transports, against real (scripted) SMTP servers: an account change or removal closes
/// the old account's connections, but never under a send still using them.
/// </summary>
public sealed class MailTransportProviderTests : IDisposable
{
    private const string Owner = "owner-1";
    private static readonly SecretProtector Secrets = new(new Dictionary<string, byte[]> { ["s1"] = SendScenario.SecretKey }, "s1");
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), "pickup-" + Guid.NewGuid().ToString("N"));
    private readonly PickupDirectoryMailTransport _deployment;
    private readonly MailTransportProvider _provider;

    public MailTransportProviderTests()
    {
        _deployment = new PickupDirectoryMailTransport(new PickupDirectoryOptions { Directory = _pickup }, NullLogger<PickupDirectoryMailTransport>.Instance);
        _provider = new MailTransportProvider(
            new Lazy<IMailTransport>(() => _deployment),
            new Lazy<SecretProtector>(() => Secrets),
            new SmtpOptions { Host = "deployment.invalid", Timeout = TimeSpan.FromSeconds(10), AllowPrivateServers = true }, // owners' servers are on 127.0.0.1
            TimeProvider.System,
            NullLoggerFactory.Instance);
    }

    [Fact]
    public async Task A_send_in_flight_when_the_owner_changes_account_finishes_and_only_then_is_the_old_connection_closed()
    {
        await using var before = new ScriptedSmtpServer { DataReplyDelay = TimeSpan.FromSeconds(1) };
        await using var after = new ScriptedSmtpServer();
        var lease = _provider.ForSender(Profile(before.Port));
        var sending = lease.Transport.SendAsync(Message(), CancellationToken.None);
        await WaitUntilAsync(() => before.MessagesReceived == 1); // the server holds the message and has not answered yet

        // The owner saves another mailbox meanwhile, and the next send goes through it.
        using (var next = _provider.ForSender(Profile(after.Port)))
        {
            Assert.Equal(SendResultKind.Sent, (await next.Transport.SendAsync(Message(), CancellationToken.None)).Kind);
        }

        var result = await sending;
        Assert.Equal(1, before.OpenConnections); // still the in-flight send's until its lease ends
        lease.Dispose();

        Assert.Equal(SendResultKind.Sent, result.Kind);
        Assert.Equal(1, before.MessagesAccepted);
        Assert.Equal(1, after.MessagesAccepted);
        await WaitUntilAsync(() => before.OpenConnections == 0);
        Assert.Equal(1, after.OpenConnections); // the current account keeps its pooled connection
    }

    [Fact]
    public async Task A_removed_accounts_pooled_connection_is_closed_at_the_owners_next_send_and_the_deployment_sends()
    {
        await using var own = new ScriptedSmtpServer();
        using (var lease = _provider.ForSender(Profile(own.Port)))
        {
            Assert.Equal(SendResultKind.Sent, (await lease.Transport.SendAsync(Message(), CancellationToken.None)).Kind);
        }

        Assert.Equal(1, own.OpenConnections); // pooled for the next send

        using (var lease = _provider.ForSender(Profile(port: null)))
        {
            Assert.Same(_deployment, lease.Transport);
        }

        await WaitUntilAsync(() => own.OpenConnections == 0);
    }

    [Fact]
    public async Task Forgetting_an_owner_closes_their_idle_connection_and_the_next_send_opens_a_new_one()
    {
        await using var own = new ScriptedSmtpServer();
        using (var lease = _provider.ForSender(Profile(own.Port)))
        {
            await lease.Transport.SendAsync(Message(), CancellationToken.None);
        }

        _provider.Forget(Owner);
        await WaitUntilAsync(() => own.OpenConnections == 0);

        using (var lease = _provider.ForSender(Profile(own.Port)))
        {
            Assert.Equal(SendResultKind.Sent, (await lease.Transport.SendAsync(Message(), CancellationToken.None)).Kind);
        }

        Assert.Equal((2, 2), (own.Connections, own.MessagesAccepted));
    }

    public void Dispose()
    {
        _provider.Dispose();
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }

    private static SenderProfile Profile(int? port) => new()
    {
        OwnerId = Owner,
        Email = "sam@school.example",
        Smtp = port is { } p ? new SmtpAccount("127.0.0.1", p, "sam", Secrets.Protect("owner-password", Owner), EnableSsl: false) : null,
    };

    private static OutgoingMessage Message() =>
        new OutgoingMessageBuilder().From("sam@school.example").To("ann@example.org").Content(new RenderedMessage("Thanks", "Thank you!", "<p>Thank you!</p>")).Build();

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
