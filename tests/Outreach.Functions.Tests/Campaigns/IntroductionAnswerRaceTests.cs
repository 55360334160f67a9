using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Introductions;
using Outreach.Core.Planning;
using Outreach.Storage.Stores;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Campaigns;

/// <summary>
/// The introducer's moves (recording B's answer, cancelling) racing another writer of the same introduction on real
/// Azurite: B on the consent page, or the hourly timer. A move that still applies to what is stored after the race is
/// made; only one the new state refuses is a 409, and it names that state or answer.
/// </summary>
public sealed class IntroductionAnswerRaceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly CampaignsApp _app = CampaignsApp.Start(
        azurite, services => services.AddSingleton<IIntroductionStore>(sp => new InterleavingIntroductionStore(sp.GetRequiredService<TableStores>().Introductions)));

    private InterleavingIntroductionStore Store => (InterleavingIntroductionStore)_app.Services.GetRequiredService<IIntroductionStore>();

    [Fact]
    public async Task The_introducers_yes_recorded_while_the_timer_stalls_the_request_still_introduces_A_and_B()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var id = await StalledAskAsync(introducer);
        Store.BeforeNextReplace = async () =>
        {
            using var timer = await _app.RunTimerAsync("AdvanceIntroductions");
            Assert.Equal(IntroductionState.Stalled, (await _app.Stores.Introductions.GetAsync(introducer.OwnerId, id, CancellationToken.None))!.State);
        };

        using var yes = await introducer.Client.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" });

        Assert.Equal(HttpStatusCode.OK, yes.StatusCode);
        var introduced = await CampaignsApp.JsonAsync(yes);
        Assert.Equal(("introduced", "yes", introducer.OwnerId), (introduced.GetProperty("state").GetString(), introduced.GetProperty("answer").GetString(), introduced.GetProperty("answerRecordedBy").GetString()));
        Assert.Single(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "intro");
    }

    [Fact]
    public async Task The_introducers_cancel_made_while_the_timer_stalls_the_request_still_cancels_it()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var id = await StalledAskAsync(introducer);
        Store.BeforeNextReplace = async () => (await _app.RunTimerAsync("AdvanceIntroductions")).Dispose();

        using var cancelled = await introducer.Client.PostAsync(new Uri($"/api/introductions/{id}/cancel", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await CampaignsApp.JsonAsync(cancelled)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_introducers_yes_recorded_while_B_says_yes_on_the_consent_page_is_the_same_answer_and_succeeds()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var created = await introducer.IntroduceAsync();
        var id = created.GetProperty("id").GetString()!;
        Store.BeforeNextReplace = () => AnswerOnTheConsentPageAsync(created.GetProperty("consentUrl").GetString()!, "yes");

        using var yes = await introducer.Client.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" });

        Assert.Equal(HttpStatusCode.OK, yes.StatusCode);
        var introduced = await CampaignsApp.JsonAsync(yes);
        Assert.Equal(("introduced", "consent-link"), (introduced.GetProperty("state").GetString(), introduced.GetProperty("answerRecordedBy").GetString()));
        Assert.Single(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "intro");
    }

    [Fact]
    public async Task The_introducers_yes_recorded_while_B_says_no_on_the_consent_page_is_refused_naming_Bs_answer()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var created = await introducer.IntroduceAsync();
        var id = created.GetProperty("id").GetString()!;
        Store.BeforeNextReplace = () => AnswerOnTheConsentPageAsync(created.GetProperty("consentUrl").GetString()!, "no");

        using var yes = await introducer.Client.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" });

        Assert.Equal(HttpStatusCode.Conflict, yes.StatusCode);
        var problem = await CampaignsApp.JsonAsync(yes);
        Assert.Equal(("introduction.contradicting-answer", "answer"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Contains("already answered no", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("declined", (await introducer.GetAsync(id)).GetProperty("state").GetString());
        Assert.DoesNotContain(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "intro");
    }

    public void Dispose() => _app.Dispose();

    /// <summary>A request whose consent ask the introducer skipped by hand: the timer's next run stalls it.</summary>
    private static async Task<string> StalledAskAsync(Introducer introducer)
    {
        var id = await introducer.IntroduceIdAsync();
        var ask = TaskIds.ForIntroduction(introducer.OwnerId, id, "consent-ask", introducer.B);
        using var skipped = await introducer.Client.PostAsync(new Uri($"/api/tasks/{ask}/skip", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        return id;
    }

    private async Task AnswerOnTheConsentPageAsync(string consentUrl, string answer)
    {
        using var anonymous = _app.Anonymous();
        using var posted = await anonymous.PostAsync(new Uri(consentUrl).PathAndQuery, new FormUrlEncodedContent([new("answer", answer)]));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }
}
