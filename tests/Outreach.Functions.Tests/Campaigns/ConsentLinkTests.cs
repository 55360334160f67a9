using System.Net;
using System.Net.Http.Json;
using Outreach.Core.Campaigns;
using Outreach.Core.Messaging.Templates;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Campaigns;

public sealed class ConsentLinkTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly CampaignsApp _app = CampaignsApp.Start(azurite);

    [Fact]
    public async Task B_opens_the_link_without_a_key_and_sees_a_yes_no_page_without_script()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var link = await LinkAsync(introducer);
        using var anonymous = _app.Anonymous();

        using var page = await anonymous.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Sam Student would like to introduce you to Ada Contact.", html, StringComparison.Ordinal);
        Assert.Contains("you both like pricing", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"answer\" value=\"yes\">", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"answer\" value=\"no\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task B_says_yes_through_the_form_and_the_introduction_is_planned()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var created = await introducer.IntroduceAsync();
        var link = new Uri(created.GetProperty("consentUrl").GetString()!);
        using var anonymous = _app.Anonymous();

        using var yes = await anonymous.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("answer", "yes")]));
        using var later = await anonymous.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, yes.StatusCode);
        Assert.Contains("Your yes is recorded", await yes.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("This request has already been answered", await later.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var answered = await introducer.GetAsync(created.GetProperty("id").GetString()!);
        Assert.Equal(("introduced", "consent-link"), (answered.GetProperty("state").GetString(), answered.GetProperty("answerRecordedBy").GetString()));
        Assert.Contains(await introducer.TasksAsync(), t => Introducer.Summary(t) == (introducer.A, "pay-it-forward-introduction", "intro", "email", "planned"));
    }

    [Fact]
    public async Task Bs_thank_you_page_does_not_promise_an_introduction_email_the_introducers_setup_may_still_hold_back()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var created = await introducer.IntroduceAsync();
        using var anonymous = _app.Anonymous();

        using var yes = await anonymous.PostAsync(new Uri(created.GetProperty("consentUrl").GetString()!).PathAndQuery, new FormUrlEncodedContent([new("answer", "yes")]));

        var page = await yes.Content.ReadAsStringAsync();
        Assert.DoesNotContain("You will receive", page, StringComparison.Ordinal);
        Assert.Contains("Your yes is recorded and the person who asked you can see it.", page, StringComparison.Ordinal);
        Assert.Contains("If no introduction reaches you, reply to their email to ask about it.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forwarded_link_never_tells_its_holder_whether_B_said_yes_or_no_whatever_it_posts()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var accepted = new Uri((await introducer.IntroduceAsync()).GetProperty("consentUrl").GetString()!).PathAndQuery;
        var declined = new Uri((await introducer.IntroduceAsync(await _app.AddContactAsync(introducer.OwnerId, "Cy"))).GetProperty("consentUrl").GetString()!).PathAndQuery;
        using var anonymous = _app.Anonymous();
        (await anonymous.PostAsync(accepted, new FormUrlEncodedContent([new("answer", "yes")]))).Dispose();
        (await anonymous.PostAsync(declined, new FormUrlEncodedContent([new("answer", "no")]))).Dispose();

        async Task<(HttpStatusCode, string)> SeenAsync(string link, string? post)
        {
            using var response = post is null
                ? await anonymous.GetAsync(link)
                : await anonymous.PostAsync(link, new FormUrlEncodedContent([new("answer", post)]));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        foreach (var post in new[] { null, "yes", "no" })
        {
            var (status, page) = await SeenAsync(accepted, post);
            Assert.Equal((status, page), await SeenAsync(declined, post));
            Assert.Contains("This request has already been answered", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Ada Contact", page, StringComparison.Ordinal);
        }

        var stored = await _app.Stores.Introductions.ListAsync(introducer.OwnerId, CancellationToken.None);
        Assert.Equal(["declined", "introduced"], stored.Select(i => i.State.ToString().ToLowerInvariant()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task B_says_no_as_json_and_a_later_yes_is_refused_as_already_answered()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var created = await introducer.IntroduceAsync();
        var link = new Uri(created.GetProperty("consentUrl").GetString()!).PathAndQuery;
        using var anonymous = _app.Anonymous();

        using var no = await anonymous.PostAsJsonAsync(link, new { answer = "no" });
        using var yes = await anonymous.PostAsync(link, new FormUrlEncodedContent([new("answer", "yes")]));

        Assert.Equal(HttpStatusCode.OK, no.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, yes.StatusCode);
        Assert.Equal("declined", (await introducer.GetAsync(created.GetProperty("id").GetString()!)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_tampered_token_gets_the_same_page_as_a_made_up_one_and_changes_nothing()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var created = await introducer.IntroduceAsync();
        var link = new Uri(created.GetProperty("consentUrl").GetString()!).PathAndQuery;
        var tampered = link[..^2] + (link[^2] == 'A' ? "B" : "A") + link[^1];
        using var anonymous = _app.Anonymous();

        using var tamperedGet = await anonymous.GetAsync(tampered);
        using var tamperedPost = await anonymous.PostAsync(tampered, new FormUrlEncodedContent([new("answer", "yes")]));
        using var madeUp = await anonymous.GetAsync("/api/introductions/consent/k1.e30.AAAA");

        Assert.Equal(HttpStatusCode.NotFound, tamperedGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, tamperedPost.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
        var page = await madeUp.Content.ReadAsStringAsync();
        Assert.Equal(page, await tamperedGet.Content.ReadAsStringAsync());
        Assert.Equal(page, await tamperedPost.Content.ReadAsStringAsync());
        Assert.Equal("awaiting_consent", (await introducer.GetAsync(created.GetProperty("id").GetString()!)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_expired_link_gets_the_same_not_found_page()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var link = await LinkAsync(introducer);
        using var anonymous = _app.Anonymous();
        using var madeUp = await anonymous.GetAsync("/api/introductions/consent/nothing");
        _app.Clock.Advance(TimeSpan.FromDays(7));

        using var expiredGet = await anonymous.GetAsync(link);
        using var expiredPost = await anonymous.PostAsync(link, new FormUrlEncodedContent([new("answer", "yes")]));

        Assert.Equal(HttpStatusCode.NotFound, expiredGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, expiredPost.StatusCode);
        Assert.Equal(await madeUp.Content.ReadAsStringAsync(), await expiredPost.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bs_yes_is_kept_and_answered_with_the_thank_you_page_when_the_owners_campaign_cannot_plan_the_introduction()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var created = await introducer.IntroduceAsync();
        var ownCampaign = DefaultCampaigns.PayItForwardIntroduction(introducer.OwnerId);
        await _app.Stores.Campaigns.SaveAsync(ownCampaign with { Steps = [.. ownCampaign.Steps.Where(s => s.Template != TemplateKind.Intro)] }, CancellationToken.None);
        using var anonymous = _app.Anonymous();

        using var yes = await anonymous.PostAsync(new Uri(created.GetProperty("consentUrl").GetString()!).PathAndQuery, new FormUrlEncodedContent([new("answer", "yes")]));

        Assert.Equal(HttpStatusCode.OK, yes.StatusCode);
        Assert.Equal("text/html", yes.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Thank you", await yes.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await introducer.GetAsync(created.GetProperty("id").GetString()!);
        Assert.Equal(("introduced", "yes"), (stored.GetProperty("state").GetString(), stored.GetProperty("answer").GetString()));
    }

    [Theory]
    [InlineData("form-without-answer")]
    [InlineData("maybe")]
    [InlineData("text")]
    public async Task A_post_without_yes_or_no_gets_a_page_saying_nothing_was_recorded(string body)
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var created = await introducer.IntroduceAsync();
        using var anonymous = _app.Anonymous();
        using HttpContent content = body switch
        {
            "form-without-answer" => new FormUrlEncodedContent([new("other", "yes")]),
            "maybe" => new FormUrlEncodedContent([new("answer", "maybe")]),
            _ => new StringContent("yes"),
        };

        using var posted = await anonymous.PostAsync(new Uri(created.GetProperty("consentUrl").GetString()!).PathAndQuery, content);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal("text/html", posted.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Nothing was recorded", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("awaiting_consent", (await introducer.GetAsync(created.GetProperty("id").GetString()!)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task B_double_clicking_yes_is_thanked_for_every_click_and_gets_one_introduction()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var created = await introducer.IntroduceAsync();
        var link = new Uri(created.GetProperty("consentUrl").GetString()!).PathAndQuery;
        using var anonymous = _app.Anonymous();

        var clicks = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => anonymous.PostAsync(link, new FormUrlEncodedContent([new("answer", "yes")]))));

        // The clicks that read the answer already stored get the page that does not say which answer it was.
        var pages = new List<(HttpStatusCode Status, string Html)>();
        foreach (var click in clicks)
        {
            using (click)
            {
                pages.Add((click.StatusCode, await click.Content.ReadAsStringAsync()));
            }
        }

        Assert.Contains(pages, p => p.Status == HttpStatusCode.OK && p.Html.Contains("Your yes is recorded", StringComparison.Ordinal));
        Assert.All(pages, p => Assert.True(
            (p.Status == HttpStatusCode.OK && p.Html.Contains("Your yes is recorded", StringComparison.Ordinal))
            || (p.Status == HttpStatusCode.Conflict && p.Html.Contains("This request has already been answered", StringComparison.Ordinal)),
            $"{p.Status}: {p.Html}"));

        Assert.Single(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "intro");
    }

    [Fact]
    public async Task B_clicking_yes_twice_from_the_same_page_sees_the_first_clicks_confirmation_every_time_and_gets_one_introduction()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var created = await introducer.IntroduceAsync();
        var link = new Uri(created.GetProperty("consentUrl").GetString()!).PathAndQuery;
        using var anonymous = _app.Anonymous();
        var receipt = await ReceiptAsync(anonymous, link);

        // A double click (both posts at once), then a browser's resubmit of the same form once the answer is stored.
        var clicks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync(anonymous, link, "yes", receipt)));
        var resubmit = await PostAsync(anonymous, link, "yes", receipt);

        var first = clicks[0];
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("Your yes is recorded and the person who asked you can see it.", first.Html, StringComparison.Ordinal);
        Assert.All([.. clicks, resubmit], page => Assert.Equal(first, page));
        var stored = await introducer.GetAsync(created.GetProperty("id").GetString()!);
        Assert.Equal(("introduced", "yes", "consent-link"), (stored.GetProperty("state").GetString(), stored.GetProperty("answer").GetString(), stored.GetProperty("answerRecordedBy").GetString()));
        Assert.Single(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "intro");
    }

    [Fact]
    public async Task B_posting_no_from_the_page_that_recorded_yes_is_told_plainly_the_yes_stands_and_whom_to_write_to()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var created = await introducer.IntroduceAsync();
        var link = new Uri(created.GetProperty("consentUrl").GetString()!).PathAndQuery;
        using var anonymous = _app.Anonymous();
        var receipt = await ReceiptAsync(anonymous, link);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(anonymous, link, "yes", receipt)).Status);

        var (status, html) = await PostAsync(anonymous, link, "no", receipt);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Your answer, yes, was recorded first and cannot be changed here.", html, StringComparison.Ordinal);
        Assert.Contains("If you have changed your mind, write to Sam Student directly.", html, StringComparison.Ordinal);
        var stored = await introducer.GetAsync(created.GetProperty("id").GetString()!);
        Assert.Equal(("introduced", "yes"), (stored.GetProperty("state").GetString(), stored.GetProperty("answer").GetString()));
    }

    [Fact]
    public async Task Someone_who_opened_a_forwarded_link_before_B_answered_learns_nothing_of_Bs_answer_from_their_own_page()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var accepted = new Uri((await introducer.IntroduceAsync()).GetProperty("consentUrl").GetString()!).PathAndQuery;
        var declined = new Uri((await introducer.IntroduceAsync(await _app.AddContactAsync(introducer.OwnerId, "Cy"))).GetProperty("consentUrl").GetString()!).PathAndQuery;
        using var anonymous = _app.Anonymous();
        var (holderOfAccepted, holderOfDeclined) = (await ReceiptAsync(anonymous, accepted), await ReceiptAsync(anonymous, declined));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(anonymous, accepted, "yes", await ReceiptAsync(anonymous, accepted))).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(anonymous, declined, "no", await ReceiptAsync(anonymous, declined))).Status);

        foreach (var post in new[] { "yes", "no" })
        {
            var seen = await PostAsync(anonymous, accepted, post, holderOfAccepted);
            Assert.Equal(seen, await PostAsync(anonymous, declined, post, holderOfDeclined));
            Assert.Equal(HttpStatusCode.Conflict, seen.Status);
            Assert.Contains("This request has already been answered; the answer cannot be changed here.", seen.Html, StringComparison.Ordinal);
            Assert.Contains("If something needs changing, write to Sam Student directly.", seen.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_answer_stored_before_receipts_existed_gets_for_any_repeat_the_page_a_forwarded_link_gets_for_a_new_one()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var legacy = await introducer.IntroduceAsync();
        var legacyLink = new Uri(legacy.GetProperty("consentUrl").GetString()!).PathAndQuery;
        var current = new Uri((await introducer.IntroduceAsync(await _app.AddContactAsync(introducer.OwnerId, "Cy"))).GetProperty("consentUrl").GetString()!).PathAndQuery;
        using var anonymous = _app.Anonymous();
        var stored = (await _app.Stores.Introductions.GetAsync(introducer.OwnerId, legacy.GetProperty("id").GetString()!, CancellationToken.None))!;
        Assert.NotNull(await _app.Stores.Introductions.TryReplaceAsync(
            stored with { State = Core.Introductions.IntroductionState.Introduced, Answer = Core.Introductions.ConsentAnswer.Yes, AnsweredAt = CampaignsApp.Now, NudgeDueAt = CampaignsApp.Now.AddDays(7) },
            CancellationToken.None)); // as answered then: no receipt, no record of who answered
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(anonymous, current, "yes", await ReceiptAsync(anonymous, current))).Status);

        async Task<(HttpStatusCode, string)> SeenAsync(string link, string answer, string? receipt)
        {
            using var response = await anonymous.PostAsync(link, new FormUrlEncodedContent(
                receipt is null ? [new("answer", answer)] : [new("answer", answer), new("receipt", receipt)]));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        // B's own repeat of the old form carries no receipt, like anyone's post: nothing tells it apart, so it gets the
        // neutral page, exactly as a post that is not B's own repeat gets for an answer recorded with a receipt.
        var stranger = ConsentReceiptsNew();
        foreach (var answer in new[] { "yes", "no" })
        {
            foreach (var receipt in new[] { null, stranger })
            {
                var (status, page) = await SeenAsync(legacyLink, answer, receipt);
                Assert.Equal((status, page), await SeenAsync(current, answer, receipt));
                Assert.Equal(HttpStatusCode.Conflict, status);
                Assert.Contains("This request has already been answered", page, StringComparison.Ordinal);
                Assert.DoesNotContain("yes", page, StringComparison.Ordinal);
            }
        }

        Assert.Equal("introduced", (await introducer.GetAsync(legacy.GetProperty("id").GetString()!)).GetProperty("state").GetString());

        static string ConsentReceiptsNew() => Core.Introductions.ConsentReceipts.New();
    }

    [Fact]
    public async Task No_consent_page_is_kept_in_the_browsers_cache_neither_the_question_nor_the_answer()
    {
        using var introducer = await Introducer.CreateAsync(_app);
        var link = await LinkAsync(introducer);
        using var anonymous = _app.Anonymous();

        using var question = await anonymous.GetAsync(link);
        using var answered = await anonymous.PostAsync(link, new FormUrlEncodedContent([new("answer", "no")]));
        using var later = await anonymous.GetAsync(link);

        Assert.All([question, answered, later], page => Assert.True(page.Headers.CacheControl?.NoStore, $"{page.RequestMessage?.Method} {page.StatusCode}"));
    }

    public void Dispose() => _app.Dispose();

    /// <summary>Opens the consent page as B's browser does and returns the receipt its forms post back.</summary>
    private static async Task<string> ReceiptAsync(HttpClient browser, string link)
    {
        using var page = await browser.GetAsync(link);
        var html = await page.Content.ReadAsStringAsync();
        var receipts = System.Text.RegularExpressions.Regex.Matches(html, "<input type=\"hidden\" name=\"receipt\" value=\"([0-9a-f]{32})\">");
        Assert.Equal(2, receipts.Count); // one in each form
        Assert.Equal(receipts[0].Groups[1].Value, receipts[1].Groups[1].Value);
        return receipts[0].Groups[1].Value;
    }

    /// <summary>Posts the consent form with <paramref name="answer"/> and <paramref name="receipt"/>, as the page's button does.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> PostAsync(HttpClient browser, string link, string answer, string receipt)
    {
        using var response = await browser.PostAsync(link, new FormUrlEncodedContent([new("answer", answer), new("receipt", receipt)]));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> LinkAsync(Introducer introducer) =>
        new Uri((await introducer.IntroduceAsync()).GetProperty("consentUrl").GetString()!).PathAndQuery;
}
