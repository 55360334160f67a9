using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Sending;

/// <summary>
/// A test class of the sending functions end to end against real Azurite and real maildev: each test gets its own app
/// root (the local runner with SendOutreach) and <see cref="SendScenario"/>, and starts with maildev's inbox empty.
/// </summary>
public abstract class SendingTest(AzuriteFixture azurite, MailDevFixture maildev) : IAsyncLifetime
{
    private readonly TestAppRoot _root = TestAppRoot.CreateWithSending(maxDequeueCount: 20);
    private SendScenario? _scenario;

    private protected AzuriteFixture Azurite => azurite;

    private protected MailDevFixture MailDev => maildev;

    private protected SendScenario Scenario => _scenario ??= new SendScenario(azurite, _root);

    public Task InitializeAsync() => maildev.DeleteAllAsync();

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}
