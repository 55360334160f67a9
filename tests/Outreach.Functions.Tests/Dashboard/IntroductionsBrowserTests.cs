using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Outreach.Core.Accounts;
using Outreach.Core.Introductions;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Dashboard;

/// <summary>
/// The dashboard's introductions section in a real browser against the real app on Kestrel and Azurite: requests
/// waiting for B's answer, introductions made, and stalled introductions with why in words, since those wait for the
/// introducer; each ended from the page (cancelled before B answered, closed once made) after a confirmation.
/// </summary>
public sealed class IntroductionsBrowserTests(AzuriteFixture azurite) : LoopbackBrowserTest(azurite), IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Stalled_introductions_are_listed_beside_pending_ones_with_why_in_words()
    {
        var ownerId = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(ownerId);
        var contacts = await ImportedContactsAsync(key);
        await AddAsync(ownerId, "waiting", contacts["Ada Lovelace"], contacts["Bo Berg"], IntroductionState.AwaitingConsent, stalledReason: null);
        await AddAsync(ownerId, "stalled", contacts["Cy Young"], contacts["Bo Berg"], IntroductionState.Stalled, "consent-ask-skipped: suppressed");

        var page = await OpenDashboardAsync(key);
        var stalled = page.Locator("#introductions-body table[data-state=stalled] tbody tr");
        await stalled.First.WaitForAsync();
        var pending = await page.Locator("#introductions-body table:not([data-state]) tbody tr").AllTextContentsAsync();

        Assert.Contains("Ada Lovelace", Assert.Single(pending), StringComparison.Ordinal);
        var row = Assert.Single(await stalled.AllTextContentsAsync());
        Assert.Contains("Cy Young", row, StringComparison.Ordinal);
        Assert.Contains("The consent request to the person asked was not sent (suppressed)", row, StringComparison.Ordinal);
        var expires = await page.EvaluateAsync<string>("utc => new Date(utc).toLocaleDateString()", (await StoredAsync(ownerId, "stalled")).ConsentDeadline.ToString("o"));
        Assert.Contains($"It expires on {expires}.", row, StringComparison.Ordinal);
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task A_request_is_cancelled_and_made_or_stalled_introductions_are_closed_after_a_confirmation_and_the_lists_refresh()
    {
        var ownerId = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(ownerId);
        var contacts = await ImportedContactsAsync(key);
        await AddAsync(ownerId, "waiting", contacts["Ada Lovelace"], contacts["Bo Berg"], IntroductionState.AwaitingConsent, stalledReason: null);
        await AddAsync(ownerId, "made", contacts["Cy Young"], contacts["Bo Berg"], IntroductionState.Introduced, stalledReason: null, ConsentAnswer.Yes);
        await AddAsync(ownerId, "stalled", contacts["Ada Lovelace"], contacts["Cy Young"], IntroductionState.Stalled, "introduction-email-failed", ConsentAnswer.Yes);

        var page = await OpenDashboardAsync(key);
        var body = page.Locator("#introductions-body");
        var waiting = body.Locator("[data-introduction=waiting]");
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Cancel request" }).ClickAsync();
        Assert.Contains("Cancel the request to introduce Ada Lovelace and Bo Berg?", await waiting.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("Keep waiting", await page.EvaluateAsync<string>("() => document.activeElement.textContent")); // not the button that ends it
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Keep waiting" }).ClickAsync();
        Assert.Equal(IntroductionState.AwaitingConsent, (await StoredAsync(ownerId, "waiting")).State);

        await waiting.GetByRole(AriaRole.Button, new() { Name = "Cancel request" }).ClickAsync();
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('introductions-body').textContent.includes('No introduction is waiting.')");
        Assert.Equal(IntroductionState.Cancelled, (await StoredAsync(ownerId, "waiting")).State);
        Assert.Equal("Cancelled.", await page.Locator("#introductions-status").TextContentAsync());
        Assert.Equal("introductions-status", await page.EvaluateAsync<string>("() => document.activeElement.id")); // not lost with the row

        var made = body.Locator("table[data-state=made] [data-introduction=made]");
        Assert.Equal(["Close"], await made.GetByRole(AriaRole.Button).AllTextContentsAsync());
        await made.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await made.GetByRole(AriaRole.Button, new() { Name = "Yes, close it" }).ClickAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('#introductions-body table[data-state=made]')");
        Assert.Equal(IntroductionState.Completed, (await StoredAsync(ownerId, "made")).State);

        var stalled = body.Locator("table[data-state=stalled] [data-introduction=stalled]");
        await stalled.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await stalled.GetByRole(AriaRole.Button, new() { Name = "Yes, close it" }).ClickAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('#introductions-body table[data-state=stalled]')");
        var closed = await StoredAsync(ownerId, "stalled");
        Assert.Equal((IntroductionState.Completed, false), (closed.State, closed.FollowedUp));
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task The_introducer_records_Bs_answer_to_a_pending_or_stalled_request_after_a_confirmation_and_rows_say_who_vouched_for_A()
    {
        var ownerId = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(ownerId);
        var contacts = await ImportedContactsAsync(key);
        await AddAsync(ownerId, "waiting", contacts["Ada Lovelace"], contacts["Bo Berg"], IntroductionState.AwaitingConsent, stalledReason: null, confirmedBy: ownerId);
        await AddAsync(ownerId, "stalled", contacts["Cy Young"], contacts["Bo Berg"], IntroductionState.Stalled, "consent-ask-failed");

        var page = await OpenDashboardAsync(key);
        var body = page.Locator("#introductions-body");
        var waiting = body.Locator("table:not([data-state]) [data-introduction=waiting]");
        await waiting.WaitForAsync();
        var confirmed = await page.EvaluateAsync<string>("utc => new Date(utc).toLocaleDateString()", (await StoredAsync(ownerId, "waiting")).PersonAConsentConfirmedAt!.Value.ToString("o"));
        Assert.Contains($"Confirmed {confirmed} by Test Owner", Assert.Single(await body.Locator("table:not([data-state]) tbody tr").AllTextContentsAsync()), StringComparison.Ordinal);
        Assert.Contains("Not recorded", Assert.Single(await body.Locator("table[data-state=stalled] tbody tr").AllTextContentsAsync()), StringComparison.Ordinal);
        Assert.Equal(["Record Bo Berg's answer", "Cancel request"], await waiting.GetByRole(AriaRole.Button).AllTextContentsAsync());

        await waiting.GetByRole(AriaRole.Button, new() { Name = "Record Bo Berg's answer" }).ClickAsync();
        Assert.Contains("Record the answer Bo Berg gave you about meeting Ada Lovelace?", await waiting.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("Keep waiting", await page.EvaluateAsync<string>("() => document.activeElement.textContent")); // not a button that answers
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Keep waiting" }).ClickAsync();
        Assert.Equal(IntroductionState.AwaitingConsent, (await StoredAsync(ownerId, "waiting")).State);

        await waiting.GetByRole(AriaRole.Button, new() { Name = "Record Bo Berg's answer" }).ClickAsync();
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Bo Berg said yes" }).ClickAsync();
        var made = body.Locator("table[data-state=made] [data-introduction=waiting]");
        await made.WaitForAsync();
        var answered = await StoredAsync(ownerId, "waiting");
        Assert.Equal((IntroductionState.Introduced, ConsentAnswer.Yes, ownerId), (answered.State, answered.Answer, answered.AnswerRecordedBy));
        Assert.Equal("Recorded: Bo Berg said yes.", await page.Locator("#introductions-status").TextContentAsync());
        Assert.Contains(", recorded by Test Owner", Assert.Single(await body.Locator("table[data-state=made] tbody tr").AllTextContentsAsync()), StringComparison.Ordinal);

        var stalled = body.Locator("table[data-state=stalled] [data-introduction=stalled]");
        await stalled.GetByRole(AriaRole.Button, new() { Name = "Record Bo Berg's answer" }).ClickAsync();
        await stalled.GetByRole(AriaRole.Button, new() { Name = "Bo Berg said no" }).ClickAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('#introductions-body table[data-state=stalled]')");
        var declined = await StoredAsync(ownerId, "stalled");
        Assert.Equal((IntroductionState.Declined, ConsentAnswer.No, ownerId), (declined.State, declined.Answer, declined.AnswerRecordedBy));
        Assert.Equal("Recorded: Bo Berg said no. Nobody is told.", await page.Locator("#introductions-status").TextContentAsync());

        // The focus moves to the status line once the list has been rendered again (the row's button is gone), a moment
        // after the stalled table disappears: waited for, not read at once.
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'introductions-status'");
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task Rows_name_who_confirmed_As_agreement_and_who_recorded_Bs_answer_by_account_name_and_show_the_id_of_an_account_that_is_gone()
    {
        var ownerId = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(ownerId);
        var contacts = await ImportedContactsAsync(key);
        var coachId = ApiApp.NewId("coach");
        await App.Factory.Services.GetRequiredService<AccountService>().CreateAccountAsync(coachId, AccountKind.Coach, "Casey Coach", "Europe/London", CancellationToken.None);
        var goneId = ApiApp.NewId("gone");
        await AddAsync(ownerId, "by-coach", contacts["Ada Lovelace"], contacts["Bo Berg"], IntroductionState.AwaitingConsent, stalledReason: null, confirmedBy: coachId);
        await AddAsync(ownerId, "by-gone", contacts["Cy Young"], contacts["Bo Berg"], IntroductionState.AwaitingConsent, stalledReason: null, confirmedBy: goneId);
        await AddAsync(ownerId, "made", contacts["Ada Lovelace"], contacts["Cy Young"], IntroductionState.Introduced, stalledReason: null, ConsentAnswer.Yes, confirmedBy: ownerId, recordedBy: ownerId);
        await AddAsync(ownerId, "made-gone", contacts["Cy Young"], contacts["Ada Lovelace"], IntroductionState.Introduced, stalledReason: null, ConsentAnswer.Yes, confirmedBy: coachId, recordedBy: goneId);

        var page = await OpenDashboardAsync(key);
        var body = page.Locator("#introductions-body");
        await body.Locator("table[data-state=made] [data-introduction=made-gone]").WaitForAsync();
        async Task<string> RowAsync(string id) => (await body.Locator($"tr:has([data-introduction={id}])").TextContentAsync())!;

        Assert.Contains("by Casey Coach", await RowAsync("by-coach"), StringComparison.Ordinal);
        Assert.DoesNotContain(coachId, await RowAsync("by-coach"), StringComparison.Ordinal);
        Assert.Contains($"by {goneId}", await RowAsync("by-gone"), StringComparison.Ordinal);
        var made = await RowAsync("made");
        Assert.Contains("by Test Owner", made, StringComparison.Ordinal);
        Assert.Contains(", recorded by Test Owner", made, StringComparison.Ordinal);
        Assert.DoesNotContain(ownerId, made, StringComparison.Ordinal);
        var madeGone = await RowAsync("made-gone");
        Assert.Contains("by Casey Coach", madeGone, StringComparison.Ordinal);
        Assert.Contains($", recorded by {goneId}", madeGone, StringComparison.Ordinal);
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task A_coach_acting_for_the_introducer_is_not_offered_to_record_Bs_answer_but_may_still_cancel()
    {
        var ownerId = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(ownerId);
        var contacts = await ImportedContactsAsync(key);
        await AddAsync(ownerId, "waiting", contacts["Ada Lovelace"], contacts["Bo Berg"], IntroductionState.AwaitingConsent, stalledReason: null);
        var coachId = ApiApp.NewId("coach");
        var coachKey = await App.CreateAccountWithKeyAsync(coachId, Core.Accounts.AccountKind.Coach);
        using (var owner = App.Client(key))
        {
            await Campaigns.CampaignsApp.GrantConsentAsync(owner, coachId, "read", "write", "send");
        }

        var page = await OpenDashboardAsync(coachKey);
        await page.WaitForSelectorAsync($"#client-select option[value='{ownerId}']", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("#client-select", ownerId);
        var waiting = page.Locator("#introductions-body [data-introduction=waiting]");
        await waiting.WaitForAsync();

        Assert.Equal(["Cancel request"], await waiting.GetByRole(AriaRole.Button).AllTextContentsAsync()); // the API would refuse it (403)
        AssertNoBrowserErrors();
    }

    [Fact]
    public async Task A_cancel_the_API_refuses_because_the_request_expired_meanwhile_is_shown_and_the_list_shows_it_gone()
    {
        var ownerId = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(ownerId);
        var contacts = await ImportedContactsAsync(key);
        await AddAsync(ownerId, "waiting", contacts["Ada Lovelace"], contacts["Bo Berg"], IntroductionState.AwaitingConsent, stalledReason: null);

        var page = await OpenDashboardAsync(key);
        var waiting = page.Locator("#introductions-body [data-introduction=waiting]");
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Cancel request" }).ClickAsync();
        var store = App.Factory.Services.GetRequiredService<IIntroductionStore>();
        var stored = await StoredAsync(ownerId, "waiting");
        Assert.NotNull(await store.TryReplaceAsync(stored with { State = IntroductionState.Expired, ClosedAt = DateTimeOffset.UtcNow }, CancellationToken.None));
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel it" }).ClickAsync();
        var error = page.Locator("#introductions-status.error");
        await error.WaitForAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('introductions-body').textContent.includes('No introduction is waiting.')");

        Assert.Contains("it is expired", await error.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await waiting.CountAsync()); // the list was loaded again: an expired request is not offered to cancel
        Assert.Equal(IntroductionState.Expired, (await StoredAsync(ownerId, "waiting")).State);
        // The 409 itself is logged by the browser as a failed resource load; nothing else may be.
        Assert.All(BrowserErrors, e => Assert.Contains("409", e, StringComparison.Ordinal));
    }

    private async Task<Introduction> StoredAsync(string ownerId, string id) =>
        (await App.Factory.Services.GetRequiredService<IIntroductionStore>().GetAsync(ownerId, id, CancellationToken.None))!;

    private async Task AddAsync(
        string ownerId, string id, string a, string b, IntroductionState state, string? stalledReason, ConsentAnswer? answer = null, string? confirmedBy = null,
        string? recordedBy = null)
    {
        var now = DateTimeOffset.UtcNow;
        var store = App.Factory.Services.GetRequiredService<IIntroductionStore>();
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
                Answer = answer,
                AnsweredAt = answer is null ? null : now,
                NudgeDueAt = answer is null ? null : now.AddDays(7),
                PersonAConsentConfirmedBy = confirmedBy,
                PersonAConsentConfirmedAt = confirmedBy is null ? null : now,
                AnswerRecordedBy = recordedBy,
            },
            CancellationToken.None));
    }

    /// <summary>The three class-visit contacts imported into the campaign (<see cref="ClassVisitContacts"/>); their contact ids by name.</summary>
    private async Task<Dictionary<string, string>> ImportedContactsAsync(string key) =>
        (await ClassVisitContacts.ImportAsync(App, key))
            .GroupBy(t => t.GetProperty("contactName").GetString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("contactId").GetString()!, StringComparer.Ordinal);
}
