using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Core.Campaigns;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Campaigns;

public sealed class IntroductionsApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly CampaignsApp _app = CampaignsApp.Start(azurite);

    [Fact]
    public async Task A_request_awaits_Bs_consent_for_seven_days_and_plans_the_consent_ask_to_B()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var (ownerId, owner, a, b) = (introducer.OwnerId, introducer.Client, introducer.A, introducer.B);

        using var created = await owner.PostAsJsonAsync("/api/introductions", new { personAContactId = a, personBContactId = b, personAConsented = true, reason = "you both work on B2B pricing" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var introduction = await CampaignsApp.JsonAsync(created);
        Assert.Equal("awaiting_consent", introduction.GetProperty("state").GetString());
        Assert.Equal((a, "Ada Contact"), (introduction.GetProperty("personA").GetProperty("id").GetString(), introduction.GetProperty("personA").GetProperty("name").GetString()));
        Assert.Equal(b, introduction.GetProperty("personB").GetProperty("id").GetString());
        Assert.Equal(CampaignsApp.Now, introduction.GetProperty("createdUtc").GetDateTimeOffset());
        Assert.Equal(CampaignsApp.Now.AddDays(7), introduction.GetProperty("expiresUtc").GetDateTimeOffset());
        Assert.StartsWith("https://outreach.example/api/introductions/consent/", introduction.GetProperty("consentUrl").GetString(), StringComparison.Ordinal);
        var task = Assert.Single(await introducer.TasksAsync());
        Assert.Equal((b, "pay-it-forward-introduction", "intro_ask", "email", "planned"), Introducer.Summary(task));
        Assert.Equal(ownerId, (await _app.Stores.Introductions.GetAsync(ownerId, introduction.GetProperty("id").GetString()!, CancellationToken.None))!.OwnerId);
    }

    [Fact]
    public async Task Who_confirmed_As_consent_and_when_is_stored_with_the_request_and_shown_wherever_it_is_listed()
    {
        var coachId = ApiApp.NewId("coach");
        using var coach = await _app.OwnerAsync(coachId, Core.Accounts.AccountKind.Coach);
        using var introducer = await Introducer.CreateAsync(_app);
        await CampaignsApp.GrantConsentAsync(introducer.Client, coachId, "read", "write", "send");
        var byOwner = await introducer.IntroduceIdAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(5));

        using var createdByCoach = await coach.PostAsJsonAsync(
            $"/api/introductions?owner={introducer.OwnerId}",
            new { personAContactId = await _app.AddContactAsync(introducer.OwnerId, "Cy"), personBContactId = introducer.B, personAConsented = true, reason = "you both like pricing" });
        using var listed = await introducer.Client.GetAsync(new Uri("/api/introductions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, createdByCoach.StatusCode);
        var byCoach = (await CampaignsApp.JsonAsync(createdByCoach)).GetProperty("id").GetString()!;
        var stored = await _app.Stores.Introductions.GetAsync(introducer.OwnerId, byCoach, CancellationToken.None);
        Assert.Equal((coachId, CampaignsApp.Now.AddMinutes(5)), (stored!.PersonAConsentConfirmedBy, stored.PersonAConsentConfirmedAt));
        var shown = (await CampaignsApp.JsonAsync(listed)).GetProperty("introductions").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal((introducer.OwnerId, CampaignsApp.Now), ConsentOf(shown[byOwner]));
        Assert.Equal((coachId, CampaignsApp.Now.AddMinutes(5)), ConsentOf(shown[byCoach]));
        Assert.Equal((introducer.OwnerId, CampaignsApp.Now), ConsentOf(await introducer.GetAsync(byOwner)));

        static (string?, DateTimeOffset) ConsentOf(JsonElement introduction) => (
            introduction.GetProperty("personAConsent").GetProperty("confirmedBy").GetString(),
            introduction.GetProperty("personAConsent").GetProperty("confirmedUtc").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_second_request_between_two_people_with_one_still_open_is_refused_naming_it_so_B_is_asked_once()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var first = await introducer.IntroduceIdAsync();

        using var again = await introducer.Client.PostAsJsonAsync(
            "/api/introductions", new { personAContactId = introducer.A, personBContactId = introducer.B, personAConsented = true, reason = "you both like pricing" });
        using var reversed = await introducer.Client.PostAsJsonAsync(
            "/api/introductions", new { personAContactId = introducer.B, personBContactId = introducer.A, personAConsented = true, reason = "you both like pricing" });

        foreach (var refused in new[] { again, reversed })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await CampaignsApp.JsonAsync(refused);
            Assert.Equal(("introduction.duplicate", "personBContactId"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
            Assert.Contains($"'{first}'", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        Assert.Single(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "intro_ask");
        Assert.Single((await _app.Stores.Introductions.ListAsync(introducer.OwnerId, CancellationToken.None)));

        // Once the first has ended, the introducer may ask again.
        using var cancelled = await introducer.Client.PostAsync(new Uri($"/api/introductions/{first}/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.NotEqual(first, await introducer.IntroduceIdAsync());
    }

    [Fact]
    public async Task Requests_for_the_same_two_people_made_at_the_same_moment_store_one_introduction_and_ask_B_once()
    {
        using var introducer = await Introducer.CreateAsync(_app);

        // A double click on "Introduce", a second tab, a retry after a timeout: all at once, some either way round.
        var posts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => introducer.Client.PostAsJsonAsync(
            "/api/introductions",
            new
            {
                personAContactId = i % 3 == 2 ? introducer.B : introducer.A,
                personBContactId = i % 3 == 2 ? introducer.A : introducer.B,
                personAConsented = true,
                reason = "you both like pricing",
            })));

        var answers = new List<(HttpStatusCode Status, JsonElement Body)>();
        foreach (var post in posts)
        {
            using (post)
            {
                answers.Add((post.StatusCode, await CampaignsApp.JsonAsync(post)));
            }
        }

        var created = Assert.Single(answers, a => a.Status == HttpStatusCode.Created).Body.GetProperty("id").GetString()!;
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), refused =>
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.Status);
            Assert.Equal(("introduction.duplicate", "personBContactId"), (refused.Body.GetProperty("code").GetString(), refused.Body.GetProperty("target").GetString()));
            Assert.Contains($"'{created}'", refused.Body.GetProperty("title").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal([created], (await _app.Stores.Introductions.ListAsync(introducer.OwnerId, CancellationToken.None)).Select(i => i.IntroductionId));
        Assert.Single(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "intro_ask");
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("no")]
    [InlineData("expire")]
    public async Task Once_the_open_introduction_ends_the_introducer_may_ask_the_same_two_people_again(string end)
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var first = await introducer.IntroduceIdAsync();
        switch (end)
        {
            case "cancel":
                (await introducer.Client.PostAsync(new Uri($"/api/introductions/{first}/cancel", UriKind.Relative), null)).Dispose();
                break;
            case "no":
                (await introducer.Client.PostAsJsonAsync($"/api/introductions/{first}/answer", new { answer = "no" })).Dispose();
                break;
            default:
                _app.Clock.Advance(TimeSpan.FromDays(7));
                (await _app.RunTimerAsync("AdvanceIntroductions")).Dispose();
                break;
        }

        var again = await introducer.IntroduceAsync(introducer.B, introducer.A);

        Assert.NotEqual(first, again.GetProperty("id").GetString());
        Assert.Equal("awaiting_consent", again.GetProperty("state").GetString());
        Assert.Equal(2, (await _app.Stores.Introductions.ListAsync(introducer.OwnerId, CancellationToken.None)).Count);
    }

    [Theory]
    [InlineData("same", "personBContactId")]
    [InlineData("unknown", "personAContactId")]
    [InlineData("no-email", "personBContactId")]
    [InlineData("no-reason", "reason")]
    public async Task An_invalid_request_is_refused_naming_the_field(string problem, string target)
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var (ownerId, owner, a, b) = (introducer.OwnerId, introducer.Client, introducer.A, introducer.B);
        var noEmail = await _app.AddContactAsync(ownerId, "Cy", withEmail: false);
        object body = problem switch
        {
            "same" => new { personAContactId = a, personBContactId = a, personAConsented = true, reason = "r" },
            "unknown" => new { personAContactId = "ct-nobody", personBContactId = b, personAConsented = true, reason = "r" },
            "no-email" => new { personAContactId = a, personBContactId = noEmail, personAConsented = true, reason = "r" },
            _ => new { personAContactId = a, personBContactId = b, personAConsented = true, reason = " " },
        };

        using var response = await owner.PostAsJsonAsync("/api/introductions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(target, (await CampaignsApp.JsonAsync(response)).GetProperty("target").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    public async Task A_request_the_introducer_has_not_confirmed_A_agreed_to_is_refused_and_B_is_never_asked(bool? consented)
    {
        using var introducer = await Introducer.CreateAsync(_app);

        using var response = await introducer.Client.PostAsJsonAsync(
            "/api/introductions", new { personAContactId = introducer.A, personBContactId = introducer.B, personAConsented = consented, reason = "you both like pricing" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await CampaignsApp.JsonAsync(response);
        Assert.Equal(("introduction.person-a-consent", "personAConsented"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Empty(await _app.Stores.Introductions.ListAsync(introducer.OwnerId, CancellationToken.None));
        Assert.Empty(await introducer.TasksAsync());
    }

    [Fact]
    public async Task A_request_without_a_sender_profile_is_refused()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId, withProfile: false);
        var (a, b) = (await _app.AddContactAsync(ownerId, "Ada"), await _app.AddContactAsync(ownerId, "Bea"));

        using var response = await owner.PostAsJsonAsync("/api/introductions", new { personAContactId = a, personBContactId = b, personAConsented = true, reason = "r" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("introduction.no-sender-profile", (await CampaignsApp.JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_request_whose_introduction_campaign_has_no_consent_ask_is_refused_naming_the_campaign_and_nothing_is_left_waiting()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var ownCampaign = DefaultCampaigns.PayItForwardIntroduction(introducer.OwnerId);
        await _app.Stores.Campaigns.SaveAsync(
            ownCampaign with { Steps = [.. ownCampaign.Steps.Where(s => s.Template != TemplateKind.IntroAsk)] }, CancellationToken.None);

        using var response = await introducer.Client.PostAsJsonAsync(
            "/api/introductions", new { personAContactId = introducer.A, personBContactId = introducer.B, personAConsented = true, reason = "you both like pricing" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await CampaignsApp.JsonAsync(response);
        Assert.Equal(("campaign.missing-step", "campaignId"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Empty(await _app.Stores.Introductions.ListAsync(introducer.OwnerId, CancellationToken.None));
        Assert.Empty(await introducer.TasksAsync());
    }

    [Fact]
    public async Task A_request_to_a_B_who_unsubscribed_stalls_at_once_saying_why_and_the_introducer_may_cancel_it()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        await _app.Stores.Suppressions.AddAsync(SuppressionEntry.ForContact(introducer.OwnerId, introducer.B, "unsubscribed", _app.Clock.GetUtcNow()), CancellationToken.None);

        var created = await introducer.IntroduceAsync();
        var id = created.GetProperty("id").GetString()!;
        using var cancelled = await introducer.Client.PostAsync(new Uri($"/api/introductions/{id}/cancel", UriKind.Relative), null);

        Assert.Equal(("stalled", "consent-ask-skipped: suppressed"), (created.GetProperty("state").GetString(), created.GetProperty("stalledReason").GetString()));
        var ask = Assert.Single(await introducer.TasksAsync());
        Assert.Equal((introducer.B, "pay-it-forward-introduction", "intro_ask", "email", "skipped"), Introducer.Summary(ask));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
    }

    [Fact]
    public async Task Yes_from_the_introducer_introduces_A_and_B_and_repeating_it_changes_nothing()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var (owner, a) = (introducer.Client, introducer.A);
        var id = await introducer.IntroduceIdAsync();

        using var yes = await owner.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" });
        using var again = await owner.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" });

        var introduced = await CampaignsApp.JsonAsync(yes);
        Assert.Equal(("introduced", "yes"), (introduced.GetProperty("state").GetString(), introduced.GetProperty("answer").GetString()));
        Assert.Equal(introducer.OwnerId, introduced.GetProperty("answerRecordedBy").GetString()); // not B through the link
        Assert.Equal(CampaignsApp.Now.AddDays(7), introduced.GetProperty("nudgeDueUtc").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, introduced.GetProperty("consentUrl").ValueKind);
        Assert.Equal("introduced", (await CampaignsApp.JsonAsync(again)).GetProperty("state").GetString());
        var intro = Assert.Single(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "intro");
        Assert.Equal((a, "pay-it-forward-introduction", "intro", "email", "planned"), Introducer.Summary(intro));
        Assert.Equal(2, (await introducer.TasksAsync()).Count);
    }

    [Fact]
    public async Task No_declines_quietly_and_a_later_yes_is_a_conflict_naming_the_answer()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var owner = introducer.Client;
        var id = await introducer.IntroduceIdAsync();

        using var no = await owner.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "no" });
        using var yes = await owner.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" });

        Assert.Equal("declined", (await CampaignsApp.JsonAsync(no)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, yes.StatusCode);
        var problem = await CampaignsApp.JsonAsync(yes);
        Assert.Equal(("introduction.contradicting-answer", "answer"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Single(await introducer.TasksAsync()); // the consent ask only: A is never told
    }

    [Fact]
    public async Task An_answer_at_the_deadline_is_a_conflict_saying_it_expired()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var owner = introducer.Client;
        var id = await introducer.IntroduceIdAsync();
        _app.Clock.Advance(TimeSpan.FromDays(7));

        using var yes = await owner.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "yes" });

        Assert.Equal(HttpStatusCode.Conflict, yes.StatusCode);
        Assert.Equal("introduction.consent-expired", (await CampaignsApp.JsonAsync(yes)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_answer_other_than_yes_or_no_is_refused()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var owner = introducer.Client;
        var id = await introducer.IntroduceIdAsync();

        using var response = await owner.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer = "maybe" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("answer", (await CampaignsApp.JsonAsync(response)).GetProperty("target").GetString());
    }

    [Fact]
    public async Task The_list_filters_by_state_and_an_unknown_state_is_refused()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var owner = introducer.Client;
        var declined = await introducer.IntroduceIdAsync();
        var waiting = await introducer.IntroduceIdAsync(await _app.AddContactAsync(introducer.OwnerId, "Cy"));
        using var no = await owner.PostAsJsonAsync($"/api/introductions/{declined}/answer", new { answer = "no" });

        using var awaiting = await owner.GetAsync(new Uri("/api/introductions?state=awaiting_consent", UriKind.Relative));
        using var all = await owner.GetAsync(new Uri("/api/introductions", UriKind.Relative));
        using var one = await owner.GetAsync(new Uri($"/api/introductions/{declined}", UriKind.Relative));
        using var bad = await owner.GetAsync(new Uri("/api/introductions?state=pending", UriKind.Relative));
        using var several = await owner.GetAsync(new Uri("/api/introductions?state=awaiting_consent,+declined", UriKind.Relative));
        using var oneBad = await owner.GetAsync(new Uri("/api/introductions?state=awaiting_consent,pending", UriKind.Relative));

        Assert.Equal([waiting], (await CampaignsApp.JsonAsync(awaiting)).GetProperty("introductions").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(2, (await CampaignsApp.JsonAsync(all)).GetProperty("introductions").GetArrayLength());
        Assert.Equal("declined", (await CampaignsApp.JsonAsync(one)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("state", (await CampaignsApp.JsonAsync(bad)).GetProperty("target").GetString());
        Assert.Equal(
            new[] { declined, waiting }.Order(StringComparer.Ordinal),
            (await CampaignsApp.JsonAsync(several)).GetProperty("introductions").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Order(StringComparer.Ordinal),
            (IEqualityComparer<string?>)StringComparer.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, oneBad.StatusCode);
    }

    [Fact]
    public async Task Cancelling_a_request_skips_the_consent_ask_and_a_made_introduction_cannot_be_cancelled()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var owner = introducer.Client;
        var waiting = await introducer.IntroduceIdAsync();
        var made = await introducer.IntroduceIdAsync(await _app.AddContactAsync(introducer.OwnerId, "Cy"));
        using var yes = await owner.PostAsJsonAsync($"/api/introductions/{made}/answer", new { answer = "yes" });

        using var cancelled = await owner.PostAsync(new Uri($"/api/introductions/{waiting}/cancel", UriKind.Relative), null);
        using var again = await owner.PostAsync(new Uri($"/api/introductions/{waiting}/cancel", UriKind.Relative), null);
        using var refused = await owner.PostAsync(new Uri($"/api/introductions/{made}/cancel", UriKind.Relative), null);
        using var answer = await owner.PostAsJsonAsync($"/api/introductions/{waiting}/answer", new { answer = "yes" });

        Assert.Equal(("cancelled", HttpStatusCode.OK), ((await CampaignsApp.JsonAsync(cancelled)).GetProperty("state").GetString(), again.StatusCode));
        var ask = await _app.Stores.Tasks.FindAsync(introducer.OwnerId, TaskIds.ForIntroduction(introducer.OwnerId, waiting, "consent-ask", introducer.B), CancellationToken.None);
        Assert.Equal((TaskState.Skipped, "introduction-cancelled"), (ask!.State, ask.SkipReason));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await CampaignsApp.JsonAsync(refused);
        Assert.Equal(("introduction.invalid-transition", "state"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Contains("introduced", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
    }

    [Fact]
    public async Task Closing_a_made_introduction_completes_it_so_A_is_not_nudged_and_a_request_cannot_be_closed()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var owner = introducer.Client;
        var waiting = await introducer.IntroduceIdAsync();
        var made = await introducer.IntroduceIdAsync(await _app.AddContactAsync(introducer.OwnerId, "Cy"));
        using var yes = await owner.PostAsJsonAsync($"/api/introductions/{made}/answer", new { answer = "yes" });

        using var closed = await owner.PostAsync(new Uri($"/api/introductions/{made}/close", UriKind.Relative), null);
        using var refused = await owner.PostAsync(new Uri($"/api/introductions/{waiting}/close", UriKind.Relative), null);
        _app.Clock.Advance(TimeSpan.FromDays(7));
        using var timer = await _app.RunTimerAsync("AdvanceIntroductions");

        var completed = await CampaignsApp.JsonAsync(closed);
        Assert.Equal(("completed", CampaignsApp.Now), (completed.GetProperty("state").GetString(), completed.GetProperty("closedUtc").GetDateTimeOffset()));
        Assert.Equal("completed", (await introducer.GetAsync(made)).GetProperty("state").GetString());
        Assert.DoesNotContain(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "nudge");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("awaiting_consent", (await CampaignsApp.JsonAsync(refused)).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bs_consent_link_is_shown_only_to_the_owners_own_key_that_may_write_and_send()
    {
        var coachId = ApiApp.NewId("coach");
        using var coach = await _app.OwnerAsync(coachId, Core.Accounts.AccountKind.Coach);
        using var introducer = await Introducer.CreateAsync(_app);
        await CampaignsApp.GrantConsentAsync(introducer.Client, coachId, "read", "write");
        var id = await introducer.IntroduceIdAsync();
        using var issued = await introducer.Client.PostAsJsonAsync("/api/keys", new { name = "reports", scopes = new[] { "read" } });
        using var readOnly = _app.Anonymous();
        readOnly.DefaultRequestHeaders.Authorization = new("Bearer", (await CampaignsApp.JsonAsync(issued)).GetProperty("key").GetString());

        using var byCoach = await coach.GetAsync(new Uri($"/api/introductions/{id}?owner={introducer.OwnerId}", UriKind.Relative));
        using var listedByCoach = await coach.GetAsync(new Uri($"/api/introductions?owner={introducer.OwnerId}", UriKind.Relative));
        using var byReadKey = await readOnly.GetAsync(new Uri($"/api/introductions/{id}", UriKind.Relative));

        // Whoever holds the link can answer yes for B, and a yes sends the introduction.
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (byCoach.StatusCode, byReadKey.StatusCode));
        Assert.Equal(JsonValueKind.Null, (await CampaignsApp.JsonAsync(byCoach)).GetProperty("consentUrl").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await CampaignsApp.JsonAsync(listedByCoach)).GetProperty("introductions")[0].GetProperty("consentUrl").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await CampaignsApp.JsonAsync(byReadKey)).GetProperty("consentUrl").ValueKind);
        var own = await introducer.GetAsync(id);
        Assert.StartsWith("https://outreach.example/api/introductions/consent/", own.GetProperty("consentUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("awaiting_consent", own.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_coach_acting_for_the_introducer_cannot_answer_yes_for_B_and_nobody_is_introduced()
    {
        var coachId = ApiApp.NewId("coach");
        using var coach = await _app.OwnerAsync(coachId, Core.Accounts.AccountKind.Coach);
        using var introducer = await Introducer.CreateAsync(_app);
        await CampaignsApp.GrantConsentAsync(introducer.Client, coachId, "read", "write", "send");
        var id = await introducer.IntroduceIdAsync();

        using var yes = await coach.PostAsJsonAsync($"/api/introductions/{id}/answer?owner={introducer.OwnerId}", new { answer = "yes" });

        Assert.Equal(HttpStatusCode.Forbidden, yes.StatusCode);
        var problem = await CampaignsApp.JsonAsync(yes);
        Assert.Equal(("introduction.not-allowed", "owner"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Equal("awaiting_consent", (await introducer.GetAsync(id)).GetProperty("state").GetString());
        Assert.DoesNotContain(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "intro");
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    public async Task An_answer_recorded_by_the_introducer_skips_the_consent_ask_not_yet_sent(string answer)
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var id = await introducer.IntroduceIdAsync(); // Tuesday 08:00: the ask waits for the 09:00 window

        using var answered = await introducer.Client.PostAsJsonAsync($"/api/introductions/{id}/answer", new { answer });

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var ask = await _app.Stores.Tasks.FindAsync(introducer.OwnerId, TaskIds.ForIntroduction(introducer.OwnerId, id, "consent-ask", introducer.B), CancellationToken.None);
        Assert.Equal((TaskState.Skipped, "introduction-answered"), (ask!.State, ask.SkipReason));
    }

    public void Dispose() => _app.Dispose();
}
