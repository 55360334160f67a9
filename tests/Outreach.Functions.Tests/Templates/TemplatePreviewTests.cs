using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Functions.Tests.Sending;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Templates;

/// <summary><c>POST /api/templates/preview</c> on real Azurite: renders for one of the owner's contacts, sends nothing.</summary>
public sealed class TemplatePreviewTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Greeting = "Hi {{default firstName \"there\"}},";
    private TemplatesHost _host = null!;

    private HttpClient Owner => _host.Owner;

    public async Task InitializeAsync() => _host = await TemplatesHost.StartAsync(
        azurite,
        SendScenario.ClosedPort(),
        [
            SendScenario.Contact("seeded", "c-zoe", "Zoë", "Ångström", "zoe@example.org"),
            SendScenario.Contact("seeded", "c-nameless", " ", "Lee", "lee@example.org"),
            SendScenario.Contact("seeded", "c-markup", "<b>Ann & \"Co\"</b>", "Lee", "ann@example.org"),
        ]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Previewing_a_stored_template_renders_it_for_the_contact_and_the_owners_sender_profile()
    {
        using var saved = await Owner.PutAsJsonAsync("/api/templates/follow_up", new
        {
            subject = "Quick follow-up{{#if event.name}} from {{event.name}}{{/if}}",
            text = $"{Greeting}\nit was good to meet you on {{{{event.metOn}}}}.\n{{{{sender.signature}}}} ({{{{sender.fullName}}}})",
            html = $"<p>{Greeting}</p><p>{{{{sender.fullName}}}}</p>",
        });

        var preview = await PreviewAsync(new { name = "follow_up", contactId = "c-zoe" });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Quick follow-up from Career fair", preview.GetProperty("subject").GetString());
        Assert.Equal("Hi Zoë,\nit was good to meet you on November 10.\nSam (Sam Student)", preview.GetProperty("text").GetString());
        Assert.Equal("<p>Hi Zoë,</p><p>Sam Student</p>", preview.GetProperty("html").GetString());
    }

    [Fact]
    public async Task Previewing_a_default_template_includes_the_unsubscribe_link_the_email_would_carry()
    {
        var preview = await PreviewAsync(new { name = "thank_you", contactId = "c-zoe" });

        Assert.Equal("Thank you for your time at Career fair", preview.GetProperty("subject").GetString());
        Assert.StartsWith("Hi Zoë,\n\nThank you for talking with us at Career fair on November 10.", preview.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Matches($"To stop these notes: {SendScenario.PublicBaseUrl}api/unsubscribe/k1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\n$", preview.GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_default_helper_falls_back_when_the_contact_has_no_first_name()
    {
        var template = new { subject = "Hello {{default firstName \"there\"}}", text = Greeting, html = $"<p>{Greeting}</p>" };

        var named = await PreviewAsync(new { template, contactId = "c-zoe" });
        var nameless = await PreviewAsync(new { template, contactId = "c-nameless" });

        Assert.Equal(["Hello Zoë", "Hi Zoë,", "<p>Hi Zoë,</p>"], Parts(named));
        Assert.Equal(["Hello there", "Hi there,", "<p>Hi there,</p>"], Parts(nameless));
    }

    [Fact]
    public async Task A_subject_that_saving_would_refuse_still_renders_and_the_preview_warns_of_it()
    {
        // The author sees the message and, before saving, the reason the save would be refused.
        var template = new { subject = "Our chat about {{company}}", text = Greeting, html = $"<p>{Greeting}</p>" };

        var preview = await PreviewAsync(new { template, contactId = "c-zoe" });
        using var saved = await Owner.PutAsJsonAsync("/api/templates/follow_up", template);
        var refusal = await saved.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Our chat about Acme", preview.GetProperty("subject").GetString());
        var warning = Assert.Single(preview.GetProperty("warnings").EnumerateArray().ToArray());
        Assert.Equal(
            ("template.subject-may-be-empty", "company", "subject", 1, 18),
            (warning.GetProperty("code").GetString(), warning.GetProperty("variable").GetString(), warning.GetProperty("part").GetString(),
             warning.GetProperty("line").GetInt32(), warning.GetProperty("column").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        Assert.Equal(warning.GetProperty("message").GetString(), Assert.Single(refusal.GetProperty("problems").EnumerateArray().ToArray()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_guarded_subject_and_every_default_template_preview_without_warnings()
    {
        var guarded = new { subject = "Our chat{{#if company}} about {{company}}{{/if}}", text = Greeting, html = $"<p>{Greeting}</p>" };

        var inline = await PreviewAsync(new { template = guarded, contactId = "c-zoe" });
        var thankYou = await PreviewAsync(new { name = "thank_you", contactId = "c-zoe" });
        var followUp = await PreviewAsync(new { name = "follow_up", contactId = "c-nameless" });

        Assert.All([inline, thankYou, followUp], preview => Assert.Empty(preview.GetProperty("warnings").EnumerateArray()));
    }

    [Fact]
    public async Task Contact_data_is_html_escaped_in_the_html_part_only()
    {
        var template = new { subject = "For {{firstName}}", text = Greeting, html = $"<p>{Greeting}</p>" };

        var preview = await PreviewAsync(new { template, contactId = "c-markup" });

        Assert.Equal(["For <b>Ann & \"Co\"</b>", "Hi <b>Ann & \"Co\"</b>,", "<p>Hi &lt;b&gt;Ann &amp; &quot;Co&quot;&lt;/b&gt;,</p>"], Parts(preview));
    }

    [Fact]
    public async Task An_inline_template_with_an_unknown_variable_is_refused_with_its_position()
    {
        using var response = await Owner.PostAsJsonAsync("/api/templates/preview", new
        {
            template = new { subject = "Hi", text = "Hi {{firstName}}\n{{#each tags}}{{nmae}}{{/each}}", html = "<p>Hi</p>" },
            contactId = "c-zoe",
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var only = Assert.Single(problem.GetProperty("problems").EnumerateArray().ToArray());
        Assert.Equal("nmae", only.GetProperty("variable").GetString());
        Assert.Equal("text", only.GetProperty("part").GetString());
        Assert.Equal(2, only.GetProperty("line").GetInt32());
        Assert.Equal(17, only.GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task An_introduction_template_previews_for_one_of_the_owners_introductions_with_both_people_the_reason_and_the_consent_link()
    {
        var introductionId = await IntroduceAsync();

        var ask = await PreviewAsync(new { name = "intro_ask", introductionId });
        var intro = await PreviewAsync(new { name = "intro", introductionId });
        var inline = await PreviewAsync(new
        {
            template = new { subject = "{{personA.firstName}} and {{personB.firstName}}", text = "Because {{reason}}: {{consentUrl}}", html = "<p>{{reason}}</p>" },
            kind = "intro_ask",
            introductionId,
        });

        // The ask goes to B (Ann) about A (Zoë), with B's yes/no link; the introduction to both, each with their own unsubscribe link.
        var askText = ask.GetProperty("text").GetString()!;
        Assert.Equal("May I introduce you to Zoë Ångström?", ask.GetProperty("subject").GetString());
        Assert.StartsWith("Hi <b>Ann & \"Co\"</b>,", askText, StringComparison.Ordinal);
        Assert.Contains("both price data products", askText, StringComparison.Ordinal);
        Assert.Matches($"{SendScenario.PublicBaseUrl}api/introductions/consent/[A-Za-z0-9._-]+", askText);
        var introText = intro.GetProperty("text").GetString()!;
        Assert.StartsWith("Hi Zoë and <b>Ann & \"Co\"</b>,", introText, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(introText, $"{SendScenario.PublicBaseUrl}api/unsubscribe/"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(intro.GetProperty("html").GetString()!, $"href=\"{SendScenario.PublicBaseUrl}api/unsubscribe/"));
        Assert.Equal("Zoë and <b>Ann & \"Co\"</b>", inline.GetProperty("subject").GetString());
        Assert.StartsWith("Because both price data products: " + SendScenario.PublicBaseUrl + "api/introductions/consent/", inline.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consent_ask_previews_with_a_placeholder_instead_of_Bs_link_for_a_read_only_key_or_a_coach()
    {
        var introductionId = await IntroduceAsync();
        using var readOnly = await _host.ReadOnlyKeyAsync();
        using var readingCoach = await _host.CoachAsync("read");
        using var sendingCoach = await _host.CoachAsync("read", "write", "send");
        var ask = new { name = "intro_ask", introductionId };
        var inline = new { template = new { subject = "Hi", text = "Answer: {{consentUrl}}", html = "<a href=\"{{consentUrl}}\">answer</a>" }, kind = "intro_ask", introductionId };

        var own = await PreviewAsync(ask);
        var byReadKey = await PreviewAsync(ask, readOnly);
        var inlineByReadKey = await PreviewAsync(inline, readOnly);
        var byReadingCoach = await PreviewAsync(ask, readingCoach, $"?owner={_host.OwnerId}");
        var bySendingCoach = await PreviewAsync(ask, sendingCoach, $"?owner={_host.OwnerId}");

        // Whoever holds the link can answer yes for B, which sends the introduction: only the owner's own sending key sees it.
        const string Link = "/api/introductions/consent/";
        const string Placeholder = "[consent link: shown to the sender only]";
        Assert.Contains(Link, own.GetProperty("text").GetString(), StringComparison.Ordinal);
        foreach (var withheld in new[] { byReadKey, byReadingCoach, bySendingCoach })
        {
            Assert.Equal(own.GetProperty("subject").GetString(), withheld.GetProperty("subject").GetString());
            Assert.DoesNotContain(Link, withheld.GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Link, withheld.GetProperty("html").GetString(), StringComparison.Ordinal);
            Assert.Contains(Placeholder, withheld.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(("Answer: " + Placeholder, "<a href=\"" + Placeholder + "\">answer</a>"), (inlineByReadKey.GetProperty("text").GetString(), inlineByReadKey.GetProperty("html").GetString()));
        Assert.Contains("Zoë", byReadKey.GetProperty("text").GetString(), StringComparison.Ordinal); // still a useful preview
    }

    [Fact]
    public async Task An_edited_introduction_template_without_each_persons_unsubscribe_link_gets_them_in_a_footer()
    {
        var introductionId = await IntroduceAsync();

        // {{unsubscribeUrl}} is empty on a message to both people, and the email has no List-Unsubscribe header either.
        var preview = await PreviewAsync(new
        {
            template = new { subject = "Meet", text = "Hi both, meet each other. {{unsubscribeUrl}}", html = "<html><body><p>Hi both, meet {{personA.firstName}}: <a href=\"{{personA.unsubscribeUrl}}\">stop</a></p></body></html>" },
            kind = "intro",
            introductionId,
        });

        var text = preview.GetProperty("text").GetString()!;
        var html = preview.GetProperty("html").GetString()!;
        Assert.Matches($"^Hi both, meet each other\\.\\n\\nTo stop my notes:\\nZoë Ångström: {SendScenario.PublicBaseUrl}api/unsubscribe/\\S+\\n<b>Ann & \"Co\"</b> Lee: {SendScenario.PublicBaseUrl}api/unsubscribe/\\S+\\n$", text);
        var links = System.Text.RegularExpressions.Regex.Matches(text, $"{SendScenario.PublicBaseUrl}api/unsubscribe/\\S+").Select(m => m.Value).ToList();
        Assert.Equal(2, links.Distinct().Count());
        Assert.Contains($"<a href=\"{links[0]}\">stop</a>", html, StringComparison.Ordinal); // A's link was there: only B's is added
        Assert.EndsWith($"To stop my notes: <a href=\"{links[1]}\">unsubscribe &lt;b&gt;Ann &amp; &quot;Co&quot;&lt;/b&gt; Lee</a></p></body></html>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\":\"intro\",\"contactId\":\"c-zoe\"}", "preview.introduction-required", "introductionId")]
    [InlineData("{\"name\":\"thank_you\",\"introductionId\":\"INTRO\"}", "preview.not-introduction-template", "introductionId")]
    [InlineData("{\"name\":\"intro\",\"introductionId\":\"INTRO\",\"contactId\":\"c-zoe\"}", "preview.contact-or-introduction", "contactId")]
    [InlineData("{\"name\":\"intro\",\"kind\":\"intro\",\"introductionId\":\"INTRO\"}", "preview.kind-with-name", "kind")]
    [InlineData("{\"name\":\"intro\"}", "preview.contact-required", "contactId")]
    public async Task A_preview_that_mixes_introductions_and_contacts_wrongly_is_refused_naming_the_parameter(string body, string code, string target)
    {
        var introductionId = await IntroduceAsync();

        using var response = await Owner.PostAsync(
            new Uri("/api/templates/preview", UriKind.Relative),
            new StringContent(body.Replace("INTRO", introductionId, StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((code, target), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
    }

    [Fact]
    public async Task An_ask_for_an_introduction_already_answered_has_no_consent_link_to_show_and_says_so()
    {
        var introductionId = await IntroduceAsync();
        var introduction = await _host.Scenario.Stores.Introductions.GetAsync(_host.OwnerId, introductionId, CancellationToken.None);
        Assert.NotNull(await _host.Scenario.Stores.Introductions.TryReplaceAsync(introduction! with { State = Core.Introductions.IntroductionState.Declined }, CancellationToken.None));

        using var response = await Owner.PostAsJsonAsync("/api/templates/preview", new { name = "intro_ask", introductionId });
        var intro = await PreviewAsync(new { name = "intro", introductionId }); // the introduction itself needs no link

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("introduction.consent-closed", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Contains("Zoë", intro.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_owners_introduction_is_not_found_exactly_like_a_missing_one()
    {
        var introductionId = await IntroduceAsync();

        using var asOther = await _host.Other.PostAsJsonAsync("/api/templates/preview", new { name = "intro", introductionId });
        using var forOther = await Owner.PostAsJsonAsync($"/api/templates/preview?owner={_host.OtherOwnerId}", new { name = "intro", introductionId });
        using var missing = await Owner.PostAsJsonAsync("/api/templates/preview", new { name = "intro", introductionId = "no-such-introduction" });

        await NotFoundAssert.AllSameAsync(missing, asOther, forOther);
    }

    [Fact]
    public async Task Another_owners_contact_is_not_found_exactly_like_a_missing_one()
    {
        using var others = await Owner.PostAsJsonAsync("/api/templates/preview", new { name = "thank_you", contactId = TemplatesHost.OtherContactId });
        using var missing = await Owner.PostAsJsonAsync("/api/templates/preview", new { name = "thank_you", contactId = "c-nobody" });
        using var actingAsOther = await Owner.PostAsJsonAsync(
            $"/api/templates/preview?owner={_host.OtherOwnerId}", new { name = "thank_you", contactId = TemplatesHost.OtherContactId });

        await NotFoundAssert.AllSameAsync(missing, others, actingAsOther);
    }

    /// <summary>Introduces Zoë (A) to Ann (B, the contact with markup in her name) and returns the introduction's id.</summary>
    private async Task<string> IntroduceAsync()
    {
        using var created = await Owner.PostAsJsonAsync("/api/introductions", new { personAContactId = "c-zoe", personBContactId = "c-markup", personAConsented = true, reason = "both price data products" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static string[] Parts(JsonElement rendered) =>
        [rendered.GetProperty("subject").GetString()!, rendered.GetProperty("text").GetString()!, rendered.GetProperty("html").GetString()!];

    private async Task<JsonElement> PreviewAsync(object body, HttpClient? client = null, string query = "")
    {
        using var response = await (client ?? Owner).PostAsJsonAsync("/api/templates/preview" + query, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
