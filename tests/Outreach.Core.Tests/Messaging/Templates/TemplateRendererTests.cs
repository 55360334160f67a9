using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Tests.Messaging.Templates;

public sealed class TemplateRendererTests
{
    private readonly TemplateRenderer _renderer = new();

    [Fact]
    public void Renders_all_three_parts_from_the_model()
    {
        var template = TemplateFactory.With(
            subject: "Thanks, {{firstName}}",
            text: "Hi {{fullName}} at {{company}}, from {{sender.fullName}}",
            html: "<p>{{sender.firstName}} met {{firstName}} on {{event.metOn}}</p>");
        var model = TemplateFactory.Model() with { Event = new MeetingDetails("the class visit", new DateOnly(2026, 3, 2)) };

        var rendered = _renderer.Render(template, model);

        Assert.Equal(new RenderedMessage("Thanks, Ann", "Hi Ann Lee at Acme, from Sam Ortiz", "<p>Sam met Ann on March 2</p>"), rendered);
    }

    [Fact]
    public void Default_helper_falls_back_when_the_value_is_missing_or_blank()
    {
        var template = TemplateFactory.With(text: "Hi {{default firstName \"there\"}}, {{default company sender.fullName}}");

        Assert.Equal("Hi Ann, Acme", _renderer.Render(template, TemplateFactory.Model()).Text);
        Assert.Equal("Hi there, Sam Ortiz", _renderer.Render(template, TemplateFactory.Model(firstName: null, company: "   ")).Text);
    }

    [Fact]
    public void Contact_data_is_html_escaped_in_the_html_part_only()
    {
        var template = TemplateFactory.With(subject: "Re {{topic}}", text: "About {{topic}}", html: "<p>About {{topic}}</p>");
        var model = TemplateFactory.Model(topic: "<script>alert('x')</script> & more");

        var rendered = _renderer.Render(template, model);

        Assert.Equal("<p>About &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more</p>", rendered.Html);
        Assert.Equal("About <script>alert('x')</script> & more", rendered.Text);
        Assert.Equal("Re <script>alert('x')</script> & more", rendered.Subject);
    }

    [Fact]
    public void Default_helper_output_is_escaped_in_the_html_part()
    {
        var template = TemplateFactory.With(html: "{{default topic \"<b>fallback</b>\"}}");

        Assert.Equal("&lt;b&gt;fallback&lt;/b&gt;", _renderer.Render(template, TemplateFactory.Model()).Html);
    }

    [Fact]
    public void Subject_never_contains_a_line_break_even_when_the_data_does()
    {
        var template = TemplateFactory.With(subject: "News\nfrom {{company}}\r\n");
        var model = TemplateFactory.Model(company: "Acme\r\nBcc: victim@example.org\u2028x");

        var subject = _renderer.Render(template, model).Subject;

        Assert.Equal("News from Acme Bcc: victim@example.org x", subject);
    }

    [Fact]
    public void Blocks_render_as_validated()
    {
        var template = TemplateFactory.With(text: "{{#each tags as |tag i|}}{{i}}:{{tag}}{{#unless @last}},{{/unless}}{{else}}none{{/each}} {{#with sender}}{{firstName}}/{{../firstName}}{{/with}} {{#if topic}}t{{else if company}}c{{else}}-{{/if}}");

        Assert.Equal("0:vc,1:fintech Sam/Ann c", _renderer.Render(template, TemplateFactory.Model() with { Tags = ["vc", "fintech"] }).Text);
        Assert.Equal("none Sam/Ann -", _renderer.Render(template, TemplateFactory.Model(company: null)).Text);
    }

    [Theory]
    [InlineData("a {{!-- {{x}} }} --}}b{{! c }}", "a b")]
    [InlineData("a {{~firstName~}} b", "aAnnb")]
    [InlineData("\\{{firstName}} {{firstName}}", "{{firstName}} Ann")]
    [InlineData("{{default (default topic company) \"x\"}}", "Acme")]
    [InlineData("{{#each tags as |t|}}{{t}}@{{@root.firstName}}{{/each}}", "vc@Ann")]
    [InlineData("{{#with sender as |s|}}{{s.firstName}}{{/with}}", "Sam")]
    [InlineData("{{#unless topic}}none{{/unless}}", "none")]
    [InlineData("{{^topic}}none{{/topic}}", "none")]
    [InlineData("{{#if topic}}t{{else if company}}{{company}}{{/if}}", "Acme")]
    [InlineData("{{default firstName \"}} {{x}}\"}}", "Ann")]
    public void What_the_validator_accepts_handlebars_compiles_and_renders(string source, string expected)
    {
        var rendered = _renderer.Render(TemplateFactory.With(text: source), TemplateFactory.Model() with { Tags = ["vc"] });

        Assert.Equal(expected, rendered.Text);
    }

    [Fact]
    public void A_template_is_compiled_once_and_recompiled_when_its_content_changes()
    {
        var template = TemplateFactory.With(text: "v1 {{firstName}}");

        _renderer.Render(template, TemplateFactory.Model());
        _renderer.Render(template, TemplateFactory.Model(firstName: "Bo"));
        var sameContent = TemplateFactory.With(text: "v1 {{firstName}}");
        _renderer.Render(sameContent, TemplateFactory.Model());
        Assert.Equal(1, _renderer.Compilations);

        var edited = TemplateFactory.With(text: "v2 {{firstName}}");
        Assert.Equal("v2 Ann", _renderer.Render(edited, TemplateFactory.Model()).Text);
        Assert.Equal(2, _renderer.Compilations);
    }

    [Fact]
    public void An_invalid_template_is_refused_at_render_time_too()
    {
        var error = Assert.Throws<DomainException>(() => _renderer.Render(TemplateFactory.With(text: "{{nope}}"), TemplateFactory.Model()));

        Assert.Equal("template.unknown-variable", error.Code);
        Assert.Equal(0, _renderer.Compilations);
    }

    [Fact]
    public void The_model_fills_exactly_the_catalogued_variables()
    {
        var data = TemplateFactory.Model().ToData();

        Assert.Equal(TemplateVariables.All.Order(StringComparer.Ordinal), Flatten(data, string.Empty).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Model_for_a_contact_takes_names_meeting_notes_and_offer()
    {
        var contact = new Contacts.Contact
        {
            OwnerId = "o1",
            ContactId = "c1",
            FirstName = "Ann",
            LastName = "Lee",
            Notes = "Pricing experiments at scale.\nAsked about the internship.",
            Offer = "send our class survey",
            Events = [new Contacts.EventMet("the class visit", new DateOnly(2026, 2, 27))],
        };

        var model = TemplateModel.ForContact(contact, new SenderDetails { FirstName = "Sam" }, new Uri("https://app.example/api/unsubscribe/t"));

        Assert.Equal("Pricing experiments at scale", model.Topic);
        Assert.Equal("send our class survey", model.Offer);
        Assert.Equal(new MeetingDetails("the class visit", new DateOnly(2026, 2, 27)), model.Event);
        Assert.Equal("https://app.example/api/unsubscribe/t", model.ToData()["unsubscribeUrl"]);
    }

    private static IEnumerable<string> Flatten(Dictionary<string, object?> data, string prefix) =>
        data.SelectMany(pair => pair.Value is Dictionary<string, object?> inner
            ? Flatten(inner, prefix + pair.Key + ".")
            : [prefix + pair.Key]);
}
