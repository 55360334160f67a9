using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Core.Campaigns;
using Outreach.Core.Introductions;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;
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
    public async Task A_consent_ask_still_waiting_to_go_out_when_the_request_expires_is_skipped_not_sent_or_failed()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var id = await introducer.IntroduceIdAsync(); // the ask is planned for the window; nothing dispatches it here

        _app.Clock.Advance(TimeSpan.FromDays(7));
        using var due = await _app.RunTimerAsync(Timer);

        Assert.Equal(HttpStatusCode.OK, due.StatusCode);
        Assert.Equal("expired", (await introducer.GetAsync(id)).GetProperty("state").GetString());
        var ask = await _app.Stores.Tasks.FindAsync(introducer.OwnerId, TaskIds.ForIntroduction(introducer.OwnerId, id, "consent-ask", introducer.B), CancellationToken.None);
        Assert.Equal((TaskState.Skipped, "introduction-expired"), (ask!.State, ask.SkipReason));
    }

    [Fact]
    public async Task A_made_introduction_nudges_A_once_when_the_nudge_is_due()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var id = await introducer.IntroduceIdAsync();
        using var yes = await introducer.Client.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" });
        await MoveIntroductionEmailAsync(introducer, id, t => t with { State = TaskState.Sent, SentUtc = _app.Clock.GetUtcNow() });

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
        await MoveIntroductionEmailAsync(introducer, id, t => t with { State = TaskState.Sent, SentUtc = _app.Clock.GetUtcNow() });
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

    [Fact]
    public async Task An_introduction_whose_email_was_skipped_because_B_is_suppressed_stalls_and_A_is_never_nudged()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var id = await introducer.IntroduceIdAsync();
        await _app.Stores.Suppressions.AddAsync(SuppressionEntry.ForContact(introducer.OwnerId, introducer.B, "unsubscribed", _app.Clock.GetUtcNow()), CancellationToken.None);
        using var yes = await introducer.Client.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" });

        _app.Clock.Advance(TimeSpan.FromDays(7));
        using var first = await _app.RunTimerAsync(Timer);
        _app.Clock.Advance(TimeSpan.FromHours(1));
        using var second = await _app.RunTimerAsync(Timer);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (yes.StatusCode, first.StatusCode, second.StatusCode));
        var tasks = await introducer.TasksAsync();
        var email = Assert.Single(tasks, t => t.GetProperty("template").GetString() == "intro");
        Assert.Equal(("skipped", "suppressed"), (email.GetProperty("state").GetString(), email.GetProperty("skipReason").GetString()));
        Assert.DoesNotContain(tasks, t => t.GetProperty("template").GetString() == "nudge");
        var stalled = await introducer.GetAsync(id);
        Assert.Equal(("stalled", "introduction-email-skipped: suppressed"), (stalled.GetProperty("state").GetString(), stalled.GetProperty("stalledReason").GetString()));
        Assert.Equal(JsonValueKind.Null, stalled.GetProperty("nudgedUtc").ValueKind);
    }

    [Fact]
    public async Task An_introduction_whose_email_failed_for_good_stalls_and_the_introducer_may_still_close_it()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var id = await introducer.IntroduceIdAsync();
        using var yes = await introducer.Client.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" });
        await MoveIntroductionEmailAsync(introducer, id, t => t with { State = TaskState.Failed, FailureReason = "550 mailbox unavailable" });

        _app.Clock.Advance(TimeSpan.FromDays(7));
        using var run = await _app.RunTimerAsync(Timer);
        var stalled = await introducer.GetAsync(id);
        using var closed = await introducer.Client.PostAsync(new Uri($"/api/introductions/{id}/close", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal(("stalled", "introduction-email-failed"), (stalled.GetProperty("state").GetString(), stalled.GetProperty("stalledReason").GetString()));
        Assert.DoesNotContain(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "nudge");
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("completed", (await CampaignsApp.JsonAsync(closed)).GetProperty("state").GetString());
    }

    [Theory]
    [InlineData(TaskState.Planned)] // deferred by the daily cap or the sending window
    [InlineData(TaskState.Queued)]
    [InlineData(TaskState.Claimed)]
    [InlineData(TaskState.NeedsReview)] // its send result is unknown until the owner looks
    public async Task A_nudge_waits_for_an_introduction_email_not_yet_sent_and_falls_due_the_nudge_delay_after_the_send(TaskState pending)
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var id = await introducer.IntroduceIdAsync();
        using var yes = await introducer.Client.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" });
        await MoveIntroductionEmailAsync(introducer, id, t => t with { State = pending });

        _app.Clock.Advance(TimeSpan.FromDays(7));
        using var due = await _app.RunTimerAsync(Timer);
        var waiting = await introducer.GetAsync(id);
        var tasksWhileWaiting = await introducer.TasksAsync();
        _app.Clock.Advance(TimeSpan.FromDays(2));
        await MoveIntroductionEmailAsync(introducer, id, t => t with { State = TaskState.Sent, SentUtc = _app.Clock.GetUtcNow() });
        using var afterSend = await _app.RunTimerAsync(Timer);
        var moved = await introducer.GetAsync(id);
        _app.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        using var early = await _app.RunTimerAsync(Timer);
        var stillIntroduced = (await introducer.GetAsync(id)).GetProperty("state").GetString();
        var tasksBeforeDue = await introducer.TasksAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var onTime = await _app.RunTimerAsync(Timer);
        var nudged = await introducer.GetAsync(id);

        Assert.Equal(HttpStatusCode.OK, due.StatusCode);
        Assert.Equal("introduced", waiting.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("nudgedUtc").ValueKind);
        Assert.DoesNotContain(tasksWhileWaiting, t => t.GetProperty("template").GetString() == "nudge");
        Assert.Equal(("introduced", CampaignsApp.Now.AddDays(16)), (moved.GetProperty("state").GetString(), moved.GetProperty("nudgeDueUtc").GetDateTimeOffset()));
        Assert.Equal("introduced", stillIntroduced);
        Assert.DoesNotContain(tasksBeforeDue, t => t.GetProperty("template").GetString() == "nudge");
        Assert.Equal(HttpStatusCode.OK, onTime.StatusCode);
        Assert.Equal(("nudged", CampaignsApp.Now.AddDays(16)), (nudged.GetProperty("state").GetString(), nudged.GetProperty("nudgedUtc").GetDateTimeOffset()));
        var nudge = Assert.Single(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "nudge");
        Assert.Equal((introducer.A, "pay-it-forward-introduction", "nudge", "email", "planned"), Introducer.Summary(nudge));
    }

    [Fact]
    public async Task An_introduction_whose_email_was_never_stored_gets_it_planned_by_the_next_run_not_a_week_later()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var id = await introducer.IntroduceIdAsync();
        // B's yes was stored but writing the introduction email failed, so no email task exists; B saw "thank you".
        await StoreYesWithoutEmailAsync(introducer, id);
        using var again = await introducer.Client.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" }); // a repeat plans nothing

        _app.Clock.Advance(TimeSpan.FromHours(1));
        using var run = await _app.RunTimerAsync(Timer);
        _app.Clock.Advance(TimeSpan.FromHours(1));
        using var rerun = await _app.RunTimerAsync(Timer);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (again.StatusCode, run.StatusCode, rerun.StatusCode));
        Assert.Equal("introduced", (await introducer.GetAsync(id)).GetProperty("state").GetString());
        var email = Assert.Single(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "intro");
        Assert.Equal((introducer.A, "pay-it-forward-introduction", "intro", "email", "planned"), Introducer.Summary(email));
        var stored = (await _app.Stores.Tasks.ListForContactAsync(introducer.OwnerId, introducer.A, CancellationToken.None)).Single(t => t.IntroductionId == id);
        Assert.Equal([introducer.B], stored.AlsoToContactIds);
        Assert.True(stored.CopyOwner);
    }

    [Fact]
    public async Task An_introduction_whose_email_cannot_be_planned_again_stalls_as_missing_once_due_and_A_is_never_nudged()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var id = await introducer.IntroduceIdAsync();
        await StoreYesWithoutEmailAsync(introducer, id);
        // The owner's own introduction campaign has no introduction step, so the email cannot be planned again.
        var campaign = DefaultCampaigns.PayItForwardIntroduction(introducer.OwnerId);
        await _app.Stores.Campaigns.SaveAsync(campaign with { Steps = [.. campaign.Steps.Where(s => s.Template != TemplateKind.Intro)] }, CancellationToken.None);

        _app.Clock.Advance(TimeSpan.FromHours(1));
        using var early = await _app.RunTimerAsync(Timer);
        var waiting = (await introducer.GetAsync(id)).GetProperty("state").GetString();
        _app.Clock.Advance(TimeSpan.FromDays(7));
        using var run = await _app.RunTimerAsync(Timer);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (early.StatusCode, run.StatusCode));
        Assert.Equal("introduced", waiting);
        var stalled = await introducer.GetAsync(id);
        Assert.Equal(("stalled", "introduction-email-missing"), (stalled.GetProperty("state").GetString(), stalled.GetProperty("stalledReason").GetString()));
        Assert.Equal(JsonValueKind.Null, stalled.GetProperty("nudgedUtc").ValueKind);
        Assert.DoesNotContain(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() is "intro" or "nudge");
    }

    [Fact]
    public async Task A_request_whose_consent_ask_was_skipped_because_B_is_suppressed_stalls_before_the_deadline_and_the_introducer_may_still_answer()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        await _app.Stores.Suppressions.AddAsync(SuppressionEntry.ForContact(introducer.OwnerId, introducer.B, "unsubscribed", _app.Clock.GetUtcNow()), CancellationToken.None);
        var id = await introducer.IntroduceIdAsync();

        _app.Clock.Advance(TimeSpan.FromHours(1));
        using var run = await _app.RunTimerAsync(Timer);
        var stalled = await introducer.GetAsync(id);
        using var yes = await introducer.Client.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (run.StatusCode, yes.StatusCode));
        Assert.Equal(("stalled", "consent-ask-skipped: suppressed"), (stalled.GetProperty("state").GetString(), stalled.GetProperty("stalledReason").GetString()));
        var answered = await CampaignsApp.JsonAsync(yes);
        Assert.Equal(("introduced", JsonValueKind.Null), (answered.GetProperty("state").GetString(), answered.GetProperty("stalledReason").ValueKind));
    }

    [Fact]
    public async Task A_request_stalled_before_B_answered_expires_at_its_deadline_and_one_stalled_after_Bs_yes_is_left_to_the_introducer()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        await _app.Stores.Suppressions.AddAsync(SuppressionEntry.ForContact(introducer.OwnerId, introducer.B, "unsubscribed", _app.Clock.GetUtcNow()), CancellationToken.None);
        var unasked = await introducer.IntroduceAsync();
        var unaskedId = unasked.GetProperty("id").GetString()!;
        var made = await introducer.IntroduceIdAsync(await _app.AddContactAsync(introducer.OwnerId, "Cy"));
        using var yes = await introducer.Client.PostAsJsonAsync($"/api/introductions/{made}/answer", new { answer = "yes" });

        _app.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        using var early = await _app.RunTimerAsync(Timer);
        var before = await introducer.GetAsync(unaskedId);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var due = await _app.RunTimerAsync(Timer);
        var after = await introducer.GetAsync(unaskedId);
        _app.Clock.Advance(TimeSpan.FromHours(1));
        using var later = await _app.RunTimerAsync(Timer);
        using var open = await introducer.Client.GetAsync(new Uri("/api/introductions?state=awaiting_consent,introduced,nudged,stalled", UriKind.Relative));

        Assert.Equal(("stalled", HttpStatusCode.OK), (unasked.GetProperty("state").GetString(), yes.StatusCode));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (early.StatusCode, due.StatusCode));
        Assert.Equal("stalled", before.GetProperty("state").GetString());
        Assert.Equal(("expired", unasked.GetProperty("expiresUtc").GetDateTimeOffset()), (after.GetProperty("state").GetString(), after.GetProperty("closedUtc").GetDateTimeOffset()));
        var stillOpen = Assert.Single((await CampaignsApp.JsonAsync(open)).GetProperty("introductions").EnumerateArray());
        Assert.Equal((made, "stalled"), (stillOpen.GetProperty("id").GetString(), stillOpen.GetProperty("state").GetString()));
        var laterLog = await later.Content.ReadAsStringAsync();
        Assert.Contains("0 had moved on; 0 could not be moved", laterLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_whose_consent_ask_failed_for_good_stalls_and_the_introducer_may_cancel_it_but_not_close_it()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var id = await introducer.IntroduceIdAsync();
        var ask = (await _app.Stores.Tasks.ListForContactAsync(introducer.OwnerId, introducer.B, CancellationToken.None)).Single(t => t.IntroductionId == id);
        Assert.NotNull(await _app.Stores.Tasks.TryReplaceAsync(ask with { State = TaskState.Failed, FailureReason = "550 mailbox unavailable" }, CancellationToken.None));

        _app.Clock.Advance(TimeSpan.FromHours(1));
        using var run = await _app.RunTimerAsync(Timer);
        var stalled = await introducer.GetAsync(id);
        using var closed = await introducer.Client.PostAsync(new Uri($"/api/introductions/{id}/close", UriKind.Relative), null);
        using var cancelled = await introducer.Client.PostAsync(new Uri($"/api/introductions/{id}/cancel", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal(("stalled", "consent-ask-failed"), (stalled.GetProperty("state").GetString(), stalled.GetProperty("stalledReason").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await CampaignsApp.JsonAsync(cancelled)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_request_stored_without_its_consent_ask_gets_it_planned_by_the_next_run_once_and_B_can_answer()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        // What a request is left as when storing its ask failed after the request itself was stored.
        await StoreUnaskedRequestAsync(introducer);

        _app.Clock.Advance(TimeSpan.FromHours(1));
        using var run = await _app.RunTimerAsync(Timer);
        _app.Clock.Advance(TimeSpan.FromHours(1));
        using var rerun = await _app.RunTimerAsync(Timer);
        var waiting = await introducer.GetAsync("unasked");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (run.StatusCode, rerun.StatusCode));
        Assert.Equal(("awaiting_consent", JsonValueKind.Null), (waiting.GetProperty("state").GetString(), waiting.GetProperty("stalledReason").ValueKind));
        var ask = Assert.Single(await introducer.TasksAsync());
        Assert.Equal((introducer.B, "pay-it-forward-introduction", "intro_ask", "email", "planned"), Introducer.Summary(ask));
    }

    [Fact]
    public async Task A_request_whose_consent_ask_cannot_be_planned_again_stalls_as_missing_and_the_introducer_may_cancel_it()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        await StoreUnaskedRequestAsync(introducer);
        var campaign = DefaultCampaigns.PayItForwardIntroduction(introducer.OwnerId);
        await _app.Stores.Campaigns.SaveAsync(campaign with { Steps = [.. campaign.Steps.Where(s => s.Template != TemplateKind.IntroAsk)] }, CancellationToken.None);

        _app.Clock.Advance(TimeSpan.FromHours(1));
        using var run = await _app.RunTimerAsync(Timer);
        var stalled = await introducer.GetAsync("unasked");
        using var cancelled = await introducer.Client.PostAsync(new Uri("/api/introductions/unasked/cancel", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal(("stalled", "consent-ask-missing"), (stalled.GetProperty("state").GetString(), stalled.GetProperty("stalledReason").GetString()));
        Assert.Empty(await introducer.TasksAsync());
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_introduction_the_timer_cannot_move_does_not_stop_the_run_for_every_other_introduction()
    {
        // Listed first (partitions are read in owner order): an introduction due its nudge whose owner's own
        // introduction campaign has no nudge step, so the nudge cannot be planned.
        var prefix = "a" + Guid.NewGuid().ToString("N")[..6];
        using var broken = new Introducer(prefix + "-1", await _app.OwnerAsync(prefix + "-1"), await _app.AddContactAsync(prefix + "-1", "Ada"), await _app.AddContactAsync(prefix + "-1", "Bea"));
        using var other = new Introducer(prefix + "-2", await _app.OwnerAsync(prefix + "-2"), await _app.AddContactAsync(prefix + "-2", "Cy"), await _app.AddContactAsync(prefix + "-2", "Di"));
        var made = await broken.IntroduceIdAsync();
        using var yes = await broken.Client.PostAsJsonAsync($"/api/introductions/{made}/answer", new { answer = "yes" });
        await MoveIntroductionEmailAsync(broken, made, t => t with { State = TaskState.Sent, SentUtc = _app.Clock.GetUtcNow() });
        var campaign = DefaultCampaigns.PayItForwardIntroduction(broken.OwnerId);
        await _app.Stores.Campaigns.SaveAsync(campaign with { Steps = [.. campaign.Steps.Where(s => s.Template != TemplateKind.Nudge)] }, CancellationToken.None);
        var unanswered = await other.IntroduceIdAsync();

        _app.Clock.Advance(TimeSpan.FromDays(7));
        using var run = await _app.RunTimerAsync(Timer);

        Assert.Equal(HttpStatusCode.OK, yes.StatusCode);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal("expired", (await other.GetAsync(unanswered)).GetProperty("state").GetString());
        // Not claimed as nudged when no nudge could be planned; the next run tries again.
        Assert.Equal("introduced", (await broken.GetAsync(made)).GetProperty("state").GetString());
        Assert.DoesNotContain(await broken.TasksAsync(), t => t.GetProperty("template").GetString() == "nudge");
    }

    private async Task StoreUnaskedRequestAsync(Introducer introducer)
    {
        var now = _app.Clock.GetUtcNow();
        Assert.NotNull(await _app.Stores.Introductions.TryAddAsync(
            new Introduction
            {
                IntroductionId = "unasked",
                OwnerId = introducer.OwnerId,
                PersonAContactId = introducer.A,
                PersonBContactId = introducer.B,
                Reason = "you both like pricing",
                ConsentToken = "b-consent-token-0123456789",
                State = IntroductionState.AwaitingConsent,
                RequestedAt = now,
                ConsentDeadline = now.AddDays(7),
            },
            CancellationToken.None));
    }

    private async Task StoreYesWithoutEmailAsync(Introducer introducer, string id)
    {
        var asked = await _app.Stores.Introductions.GetAsync(introducer.OwnerId, id, CancellationToken.None);
        var now = _app.Clock.GetUtcNow();
        Assert.NotNull(await _app.Stores.Introductions.TryReplaceAsync(
            asked! with { State = IntroductionState.Introduced, Answer = ConsentAnswer.Yes, AnsweredAt = now, NudgeDueAt = now.AddDays(7) }, CancellationToken.None));
    }

    /// <summary>Moves the introduction email (the only task of the introduction to A before a nudge) as the sender would.</summary>
    private async Task MoveIntroductionEmailAsync(Introducer introducer, string id, Func<OutreachTask, OutreachTask> move)
    {
        var email = (await _app.Stores.Tasks.ListForContactAsync(introducer.OwnerId, introducer.A, CancellationToken.None)).Single(t => t.IntroductionId == id);
        Assert.NotNull(await _app.Stores.Tasks.TryReplaceAsync(move(email), CancellationToken.None));
    }
}
