using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Support;

/// <summary>
/// A <see cref="BrowserTest"/> against the app served by Kestrel on a free loopback port, on Azurite
/// (<see cref="ApiApp.StartOnLoopback"/>), started when the test class is constructed.
/// </summary>
public abstract class LoopbackBrowserTest : BrowserTest
{
    private readonly (ApiApp App, Uri Site) _server;

    /// <summary>Starts the app on <paramref name="azurite"/> with <paramref name="settings"/> added to the test app's.</summary>
    private protected LoopbackBrowserTest(AzuriteFixture azurite, params (string Key, string? Value)[] settings)
    {
        Azurite = azurite;
        _server = ApiApp.StartOnLoopback(azurite, settings);
    }

    /// <summary>The Azurite the app stores in.</summary>
    private protected AzuriteFixture Azurite { get; }

    /// <summary>The app under test.</summary>
    private protected ApiApp App => _server.App;

    private protected override Uri Site => _server.Site;

    private protected override ValueTask StopAppAsync()
    {
        _server.App.Dispose();
        return ValueTask.CompletedTask;
    }
}
