using System.Net;
using System.Net.Http.Json;
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
        Assert.Contains("You will receive an email introducing you both.", await yes.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("You will receive an email introducing you both.", await later.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("introduced", (await introducer.GetAsync(created.GetProperty("id").GetString()!)).GetProperty("state").GetString());
        Assert.Contains(await introducer.TasksAsync(), t => Introducer.Summary(t) == (introducer.A, "pay-it-forward-introduction", "intro", "email", "planned"));
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

    public void Dispose() => _app.Dispose();

    private static async Task<string> LinkAsync(Introducer introducer) =>
        new Uri((await introducer.IntroduceAsync()).GetProperty("consentUrl").GetString()!).PathAndQuery;
}
