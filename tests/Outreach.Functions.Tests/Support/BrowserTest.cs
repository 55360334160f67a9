using Microsoft.Playwright;

namespace Outreach.Functions.Tests.Support;

/// <summary>
/// The lifetime every dashboard browser test shares, so a test class keeps only its scenario: the class's app is
/// started, then a headless Chromium (<see cref="HeadlessChromium"/>) is launched for the test; afterwards the browser
/// closes before the app stops. What the pages report (console errors, uncaught exceptions) collects in
/// <see cref="BrowserErrors"/>.
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private HeadlessChromium? _chromium;

    /// <summary>Console errors and uncaught exceptions of the pages opened with <see cref="OpenDashboardAsync"/>.</summary>
    private protected List<string> BrowserErrors { get; } = [];

    /// <summary>The launched browser.</summary>
    private protected IBrowser Browser => _chromium?.Browser ?? throw new InvalidOperationException("The browser is launched by InitializeAsync.");

    /// <summary>Where the app under test answers.</summary>
    private protected abstract Uri Site { get; }

    public async Task InitializeAsync()
    {
        await StartAppAsync();
        _chromium = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        await StopAppAsync();
    }

    /// <summary>Starts the app, unless the class started it on construction.</summary>
    private protected virtual Task StartAppAsync() => Task.CompletedTask;

    /// <summary>Stops the app and removes what it left behind.</summary>
    private protected abstract ValueTask StopAppAsync();

    /// <summary>The dashboard in a new page, signed in with <paramref name="key"/> (<see cref="DashboardPage"/>).</summary>
    private protected Task<IPage> OpenDashboardAsync(string key) => DashboardPage.OpenWithKeyAsync(Browser, Site, key, BrowserErrors);

    /// <summary>Fails naming what the browser reported, when it reported anything.</summary>
    private protected void AssertNoBrowserErrors() =>
        Assert.True(BrowserErrors.Count == 0, "The browser reported:\n" + string.Join("\n", BrowserErrors));
}
