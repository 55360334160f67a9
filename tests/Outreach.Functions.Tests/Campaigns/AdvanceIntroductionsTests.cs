using System.Net;
using System.Net.Http.Json;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Campaigns;

public sealed class AdvanceIntroductionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Timer = "AdvanceIntroductions";
    private readonly CampaignsApp _app = CampaignsApp.Start(azurite);

    [Fact]
    public async Task An_unanswered_request_stays_open_until_the_deadline_then_expires_and_refuses_answers()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var id = await introducer.IntroduceIdAsync();

        _app.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        using var early = await _app.RunTimerAsync(Timer);
        var before = (await introducer.GetAsync(id)).GetProperty("state").GetString();
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var due = await _app.RunTimerAsync(Timer);
        var after = await introducer.GetAsync(id);
        using var yes = await introducer.Client.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" });

        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Equal("awaiting_consent", before);
        Assert.Equal(HttpStatusCode.OK, due.StatusCode);
        Assert.Equal("expired", after.GetProperty("state").GetString());
        Assert.Equal(_app.Clock.GetUtcNow(), after.GetProperty("closedUtc").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Conflict, yes.StatusCode);
        Assert.Contains("expired", (await CampaignsApp.JsonAsync(yes)).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_made_introduction_nudges_A_once_when_the_nudge_is_due()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var id = await introducer.IntroduceIdAsync();
        using var yes = await introducer.Client.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" });

        _app.Clock.Advance(TimeSpan.FromDays(7));
        using var first = await _app.RunTimerAsync(Timer);
        _app.Clock.Advance(TimeSpan.FromHours(1));
        using var second = await _app.RunTimerAsync(Timer);
        var nudged = await introducer.GetAsync(id);
        using var no = await introducer.Client.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "no" });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("nudged", nudged.GetProperty("state").GetString());
        Assert.Equal(CampaignsApp.Now.AddDays(7), nudged.GetProperty("nudgedUtc").GetDateTimeOffset());
        var nudge = Assert.Single(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "nudge");
        Assert.Equal((introducer.A, "pay-it-forward-introduction", "nudge", "email", "planned"), Introducer.Summary(nudge));
        Assert.Equal(HttpStatusCode.Conflict, no.StatusCode);
        Assert.Equal("introduction.contradicting-answer", (await CampaignsApp.JsonAsync(no)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_declined_introduction_is_never_touched_by_the_timer()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var id = await introducer.IntroduceIdAsync();
        using var no = await introducer.Client.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "no" });

        _app.Clock.Advance(TimeSpan.FromDays(30));
        using var run = await _app.RunTimerAsync(Timer);

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal("declined", (await introducer.GetAsync(id)).GetProperty("state").GetString());
        Assert.Single(await introducer.TasksAsync());
    }

    [Fact]
    public async Task A_reply_from_B_after_the_introduction_completes_it_and_A_is_never_nudged()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var id = await introducer.IntroduceIdAsync();
        using var yes = await introducer.Client.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" });
        _app.Clock.Advance(TimeSpan.FromDays(2));

        using var replied = await introducer.Client.PostAsJsonAsync("/api/outcomes", new { contactId = introducer.B, type = "replied" });
        _app.Clock.Advance(TimeSpan.FromDays(5));
        using var run = await _app.RunTimerAsync(Timer);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (replied.StatusCode, run.StatusCode));
        var introduction = await introducer.GetAsync(id);
        Assert.Equal("completed", introduction.GetProperty("state").GetString());
        Assert.Equal(CampaignsApp.Now.AddDays(2), introduction.GetProperty("closedUtc").GetDateTimeOffset());
        Assert.DoesNotContain(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "nudge");
    }

    [Fact]
    public async Task A_meeting_booked_with_B_after_the_nudge_was_planned_completes_it_and_skips_the_nudge()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var id = await introducer.IntroduceIdAsync();
        using var yes = await introducer.Client.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" });
        _app.Clock.Advance(TimeSpan.FromDays(7));
        using var run = await _app.RunTimerAsync(Timer); // Tuesday 08:00: the nudge waits for the 09:00 window

        // B's meeting: A's own stop rules are not involved, so only the introduction can skip the nudge to A.
        using var met = await introducer.Client.PostAsJsonAsync("/api/outcomes", new { contactId = introducer.B, type = "meeting_booked" });
        using var again = await introducer.Client.PostAsJsonAsync("/api/outcomes", new { contactId = introducer.A, type = "replied" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (met.StatusCode, again.StatusCode));
        Assert.Equal("completed", (await introducer.GetAsync(id)).GetProperty("state").GetString());
        var nudge = Assert.Single(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "nudge");
        Assert.Equal(("skipped", "introduction-completed"), (nudge.GetProperty("state").GetString(), nudge.GetProperty("skipReason").GetString()));
    }

    public void Dispose() => _app.Dispose();
}
