using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Introductions;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Dashboard;

/// <summary>
/// The dashboard's introductions section in a real browser against the real app on Kestrel and Azurite: requests
/// waiting for B's answer, and stalled introductions with why in words, since those wait for the introducer.
/// </summary>
public sealed class IntroductionsBrowserTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly (ApiApp App, Uri Site) _server = ApiApp.StartOnLoopback(azurite);
    private readonly List<string> _browserErrors = [];
    private HeadlessChromium? _chromium;

    public async Task InitializeAsync()
    {
        _chromium = await HeadlessChromium.LaunchAsync();
    }

    [Fact]
    public async Task Stalled_introductions_are_listed_beside_pending_ones_with_why_in_words()
    {
        var ownerId = ApiApp.NewId("owner");
        var key = await _server.App.CreateAccountWithKeyAsync(ownerId);
        var contacts = await ImportedContactsAsync(key);
        await AddAsync(ownerId, "waiting", contacts["Ada Lovelace"], contacts["Bo Berg"], IntroductionState.AwaitingConsent, stalledReason: null);
        await AddAsync(ownerId, "stalled", contacts["Cy Young"], contacts["Bo Berg"], IntroductionState.Stalled, "consent-ask-skipped: suppressed");

        var page = await DashboardPage.OpenWithKeyAsync(_chromium!.Browser, _server.Site, key, _browserErrors);
        var stalled = page.Locator("#introductions-body table[data-state=stalled] tbody tr");
        await stalled.First.WaitForAsync();
        var pending = await page.Locator("#introductions-body table:not([data-state]) tbody tr").AllTextContentsAsync();

        Assert.Contains("Ada Lovelace", Assert.Single(pending), StringComparison.Ordinal);
        var row = Assert.Single(await stalled.AllTextContentsAsync());
        Assert.Contains("Cy Young", row, StringComparison.Ordinal);
        Assert.Contains("The consent request to the person asked was not sent (suppressed)", row, StringComparison.Ordinal);
        Assert.True(_browserErrors.Count == 0, "The browser reported:\n" + string.Join("\n", _browserErrors));
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        _server.App.Dispose();
    }

    private async Task AddAsync(string ownerId, string id, string a, string b, IntroductionState state, string? stalledReason)
    {
        var now = DateTimeOffset.UtcNow;
        var store = _server.App.Factory.Services.GetRequiredService<IIntroductionStore>();
        Assert.NotNull(await store.TryAddAsync(
            new Introduction
            {
                IntroductionId = id,
                OwnerId = ownerId,
                PersonAContactId = a,
                PersonBContactId = b,
                Reason = "Both work on accessible maps.",
                ConsentToken = "b-consent-token-0123456789",
                State = state,
                RequestedAt = now,
                ConsentDeadline = now.AddDays(7),
                StalledReason = stalledReason,
            },
            CancellationToken.None));
    }

    /// <summary>The three class-visit contacts imported into the campaign (<see cref="ClassVisitContacts"/>); their contact ids by name.</summary>
    private async Task<Dictionary<string, string>> ImportedContactsAsync(string key) =>
        (await ClassVisitContacts.ImportAsync(_server.App, key))
            .GroupBy(t => t.GetProperty("contactName").GetString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("contactId").GetString()!, StringComparer.Ordinal);
}
