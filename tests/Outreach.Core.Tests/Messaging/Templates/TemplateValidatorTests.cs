using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Tests.Messaging.Templates;

public sealed class TemplateValidatorTests
{
    private static DomainException Rejected(MessageTemplate template) =>
        Assert.Throws<DomainException>(() => TemplateValidator.Validate(template));

    [Fact]
    public void Unknown_variable_is_rejected_with_its_name_part_line_and_column()
    {
        var error = Rejected(TemplateFactory.With(html: "<p>Hi {{firstName}},</p>\n<p>{{sender.frstName}}</p>"));

        Assert.Equal("template.unknown-variable", error.Code);
        Assert.Equal("html", error.Target);
        Assert.Equal("Unknown variable 'sender.frstName' in the html part at line 2, column 6. Did you mean 'sender.firstName'?", error.Message);
    }

    [Theory]
    [InlineData("{{firstname}}", "firstName")]
    [InlineData("{{first_name}}", "firstName")]
    [InlineData("{{FirstName}}", "firstName")]
    [InlineData("{{comapny}}", "company")]
    [InlineData("{{signature}}", "sender.signature")]
    [InlineData("{{metOn}}", "event.metOn")]
    [InlineData("{{event.date}}", null)]
    [InlineData("{{sender.programme}}", "sender.program")]
    [InlineData("{{personB.frstName}}", "personB.firstName")]
    [InlineData("{{#with sender}}{{fullname}}{{/with}}", "fullName")]
    [InlineData("{{#each tags}}{{../compnay}}{{/each}}", "../company")]
    [InlineData("{{@root.sender.emial}}", "@root.sender.email")]
    [InlineData("{{nickname}}", null)]
    public void Unknown_variable_names_the_variable_it_most_likely_meant(string text, string? meant)
    {
        var problem = Assert.Single(TemplateValidator.FindProblems(TemplateFactory.With(text: text)));

        Assert.Equal("template.unknown-variable", problem.Code);
        Assert.Equal(meant, problem.Suggestion);
        Assert.Equal(meant is not null, problem.Message.EndsWith($" Did you mean '{meant}'?", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Thank you, {{firstName}}", "firstName", 1, 14)]
    [InlineData("Hi\n{{#if firstName}}{{firstName}} at {{company}}{{/if}}", "company", 2, 37)]
    [InlineData("Re {{default topic \"\"}}", "topic", 1, 14)]
    [InlineData("Re {{default topic offer}}", "topic", 1, 14)]
    [InlineData("{{#if topic}}x{{else}}{{topic}}{{/if}}", "topic", 1, 25)]
    [InlineData("{{#unless company}}{{company}}{{/unless}}", "company", 1, 22)]
    [InlineData("{{#each tags}}{{../firstName}}{{/each}}", "../firstName", 1, 17)]
    public void A_subject_value_that_can_be_blank_is_refused_before_saving_but_a_stored_one_still_renders(string subject, string path, int line, int column)
    {
        var template = TemplateFactory.With(subject: subject);

        var problem = Assert.Single(TemplateValidator.FindProblemsBeforeSaving(template));

        Assert.Equal(("template.subject-may-be-empty", path, TemplatePart.Subject, line, column), (problem.Code, problem.Name, problem.Part, problem.Line, problem.Column));
        Assert.Equal(
            $"'{path}' in the subject part at line {line}, column {column} is blank for a contact without it, which leaves a hole in the subject line. "
                + $"Wrap it in {{{{#if {path}}}}}…{{{{/if}}}} or give it a fallback: {{{{default {path} \"…\"}}}}.",
            problem.Message);
        Assert.Empty(TemplateValidator.FindProblems(template));
        Assert.NotNull(new TemplateRenderer().Render(template, TemplateFactory.Model(firstName: null, company: null)));
    }

    [Theory]
    [InlineData("Thank you{{#if firstName}}, {{firstName}}{{/if}}")]
    [InlineData("Hi {{default firstName \"there\"}}")]
    [InlineData("Hi {{default firstName (default lastName \"there\")}}")]
    [InlineData("{{#unless company}}Hello{{else}}About {{company}}{{/unless}}")]
    [InlineData("{{#if topic}}{{topic}}{{else if offer}}{{offer}}{{else}}Hello{{/if}}")]
    [InlineData("Tags:{{#each tags as |tag|}} {{tag}} {{this}}{{/each}}")]
    [InlineData("From {{sender.email}}")]
    [InlineData("{{! {{company}} }}Hello")]
    public void A_subject_whose_values_are_guarded_passes_before_saving(string subject)
    {
        Assert.Empty(TemplateValidator.FindProblemsBeforeSaving(TemplateFactory.With(subject: subject)));
    }

    [Fact]
    public void A_subject_that_does_not_parse_reports_its_syntax_problem_only()
    {
        var problem = Assert.Single(TemplateValidator.FindProblemsBeforeSaving(TemplateFactory.With(subject: "Hi {{compny}}")));

        Assert.Equal("template.unknown-variable", problem.Code);
    }

    [Fact]
    public void Unknown_variable_inside_a_helper_argument_is_found()
    {
        var error = Rejected(TemplateFactory.With(text: "Hello\n  {{default frstName \"there\"}}"));

        Assert.Equal("Unknown variable 'frstName' in the text part at line 2, column 13. Did you mean 'firstName'?", error.Message);
        Assert.Equal("text", error.Target);
    }

    [Fact]
    public void Unknown_variable_in_the_subject_is_reported_for_the_subject()
    {
        var error = Rejected(TemplateFactory.With(subject: "Thanks {{compny}}"));

        Assert.Equal("Unknown variable 'compny' in the subject part at line 1, column 10. Did you mean 'company'?", error.Message);
    }

    [Fact]
    public void Unknown_variable_in_an_if_condition_is_found()
    {
        var error = Rejected(TemplateFactory.With(text: "{{#if topc}}x{{/if}}"));

        Assert.Equal("Unknown variable 'topc' in the text part at line 1, column 7. Did you mean 'topic'?", error.Message);
    }

    [Fact]
    public void Every_part_reports_its_first_problem_naming_the_variable_or_helper_it_is_about()
    {
        var template = TemplateFactory.With(subject: "Hi {{frstName}}", text: "{{#each tags}}{{shout this}}{{/each}}", html: "<p>{{#if topic}}</p>");

        var problems = TemplateValidator.FindProblems(template);

        Assert.Equal(
            [
                ("template.unknown-variable", "frstName", TemplatePart.Subject, 1, 6),
                ("template.unknown-helper", "shout", TemplatePart.Text, 1, 17),
                ("template.unclosed-block", null, TemplatePart.Html, 1, 4),
            ],
            problems.Select(p => (p.Code, p.Name, p.Part, p.Line, p.Column)));
    }

    [Fact]
    public void Block_params_of_each_are_known_inside_the_block_only()
    {
        Assert.Empty(TemplateValidator.FindProblems(TemplateFactory.With(text: "{{#each tags as |tag i|}}{{tag}} {{i}} {{@index}} {{@root.firstName}}{{/each}}")));

        var error = Rejected(TemplateFactory.With(text: "{{#each tags as |tag|}}{{tag}}{{/each}} {{tag}}"));

        Assert.Equal("Unknown variable 'tag' in the text part at line 1, column 43. Did you mean 'tags'?", error.Message);
    }

    [Fact]
    public void With_changes_the_context_and_parent_paths_reach_back()
    {
        Assert.Empty(TemplateValidator.FindProblems(TemplateFactory.With(text: "{{#with sender}}{{fullName}} to {{../firstName}}{{else}}{{firstName}}{{/with}}")));

        var error = Rejected(TemplateFactory.With(text: "{{#with sender}}{{company}}{{/with}}"));

        Assert.Equal("Unknown variable 'company' in the text part at line 1, column 19.", error.Message);
    }

    [Fact]
    public void Each_needs_a_list()
    {
        var error = Rejected(TemplateFactory.With(text: "{{#each sender}}{{/each}}"));

        Assert.Equal("template.not-a-list", error.Code);
    }

    [Fact]
    public void Loop_variables_exist_only_inside_each()
    {
        var error = Rejected(TemplateFactory.With(text: "{{@index}}"));

        Assert.Equal("Unknown variable '@index' (@index exists only inside {{#each}}) in the text part at line 1, column 3.", error.Message);
    }

    [Fact]
    public void Comments_may_mention_anything_and_whitespace_control_is_understood()
    {
        var template = TemplateFactory.With(text: "{{!-- {{nope}} }} --}}{{~!-- {{nope}} --}}{{! nope }}{{~#if topic~}} {{~topic~}} {{~else if offer~}}{{offer}}{{~/if~}}");

        Assert.Empty(TemplateValidator.FindProblems(template));
    }

    [Fact]
    public void Whitespace_control_does_not_hide_an_unknown_variable()
    {
        var error = Rejected(TemplateFactory.With(text: "a\n{{~ nope ~}}"));

        Assert.Equal("Unknown variable 'nope' in the text part at line 2, column 5.", error.Message);
    }

    [Fact]
    public void String_literals_may_contain_braces()
    {
        Assert.Empty(TemplateValidator.FindProblems(TemplateFactory.With(text: "{{default firstName \"}} {{nope}}\"}}")));
    }

    [Fact]
    public void Subexpressions_are_checked()
    {
        Assert.Empty(TemplateValidator.FindProblems(TemplateFactory.With(text: "{{default (default topic notes) \"your work\"}}")));

        var error = Rejected(TemplateFactory.With(text: "{{default (default topic nots) \"x\"}}"));

        Assert.Equal("Unknown variable 'nots' in the text part at line 1, column 26. Did you mean 'notes'?", error.Message);
    }

    [Theory]
    [InlineData("<p>{{{notes}}}</p>", "Triple braces ({{{…}}}) would insert unescaped HTML and are not allowed; use {{…}} in the html part at line 1, column 4.")]
    [InlineData("<p>{{&notes}}</p>", "{{&…}} would insert unescaped HTML and is not allowed; use {{…}} in the html part at line 1, column 4.")]
    [InlineData("<p>{{~{notes}~}}</p>", "Triple braces ({{{…}}}) would insert unescaped HTML and are not allowed; use {{…}} in the html part at line 1, column 4.")]
    public void Unescaped_output_is_refused(string html, string message)
    {
        var error = Rejected(TemplateFactory.With(html: html));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("{{> footer}}", "template.partial")]
    [InlineData("{{#> layout}}x{{/layout}}", "template.partial")]
    [InlineData("{{* inline}}", "template.decorator")]
    [InlineData("{{{{raw}}}}x{{{{/raw}}}}", "template.raw-output")]
    public void Partials_decorators_and_raw_blocks_are_refused(string text, string code)
    {
        Assert.Equal(code, Rejected(TemplateFactory.With(text: text)).Code);
    }

    [Theory]
    [InlineData("Hi {{firstName", "template.unclosed-tag", "Tag {{ is never closed with }} in the text part at line 1, column 4.")]
    [InlineData("a\n{{#if topic}}x", "template.unclosed-block", "Block {{#if}} is never closed with {{/if}} in the text part at line 2, column 1.")]
    [InlineData("{{#if topic}}x{{/each}}", "template.unexpected-close", "{{/each}} does not match the open block {{#if}} in the text part at line 1, column 15.")]
    [InlineData("x {{/if}}", "template.unexpected-close", "{{/if}} closes no open block in the text part at line 1, column 3.")]
    [InlineData("{{else}}", "template.unexpected-else", "{{else}} outside any block in the text part at line 1, column 1.")]
    [InlineData("{{#if topic}}{{else}}{{else}}{{/if}}", "template.unexpected-else", "Second {{else}} in the block {{#if}} in the text part at line 1, column 22.")]
    [InlineData("{{shout firstName}}", "template.unknown-helper", "Unknown helper 'shout' (helpers: default, if, unless, each, with) in the text part at line 1, column 3.")]
    [InlineData("{{#sender}}x{{/sender}}", "template.unknown-helper", "Unknown block helper 'sender' (use #if, #unless, #each or #with) in the text part at line 1, column 4.")]
    [InlineData("{{default firstName}}", "template.helper-arguments", "Helper 'default' takes two arguments, as in {{default firstName \"there\"}} in the text part at line 1, column 3.")]
    [InlineData("{{sender}}", "template.not-printable", "'sender' is a group of variables, not a value; use one of its members, e.g. 'sender.firstName' in the text part at line 1, column 3.")]
    [InlineData("{{!-- never closed }}", "template.unclosed-tag", "Comment {{!-- is never closed with --}} in the text part at line 1, column 1.")]
    [InlineData("a {{!-- Handlebars.Net does not end a comment at --~}} b", "template.unclosed-tag", "Comment {{!-- is never closed with --}} in the text part at line 1, column 3.")]
    [InlineData("{{default firstName \"x}}", "template.unclosed-tag", "Tag {{ has a string that is never closed, and the tag is never closed with }} in the text part at line 1, column 1.")]
    [InlineData("{{#each tags as |t}}{{/each}}", "template.syntax", "Block parameters 'as |…' are never closed with '|' in the text part at line 1, column 17.")]
    [InlineData("{{sender..firstName}}", "template.syntax", "Invalid path 'sender..firstName' in the text part at line 1, column 3.")]
    public void Structural_errors_are_reported_with_their_position(string text, string code, string message)
    {
        var error = Rejected(TemplateFactory.With(text: text));

        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Escaped_mustaches_are_text()
    {
        Assert.Empty(TemplateValidator.FindProblems(TemplateFactory.With(text: "Write \\{{nope}} to show braces")));
    }

    [Fact]
    public void A_part_over_64_KiB_is_refused_naming_the_limit()
    {
        var error = Rejected(TemplateFactory.With(html: new string('x', TemplateValidator.MaxPartBytes + 1)));

        Assert.Equal("template.too-large", error.Code);
        Assert.Equal("The html part is 65537 bytes; the limit is 65536 bytes (64 KiB) per part.", error.Message);
    }

    [Fact]
    public void Every_problem_is_listed_one_per_part()
    {
        var problems = TemplateValidator.FindProblems(TemplateFactory.With(subject: "{{a}}", text: "ok", html: "\n\n   {{b}}"));

        Assert.Equal(
            [(TemplatePart.Subject, 1, 3), (TemplatePart.Html, 3, 6)],
            problems.Select(p => (p.Part, p.Line, p.Column)).ToArray());
    }

    [Fact]
    public void A_template_needs_a_name_and_every_part()
    {
        Assert.Equal("name", Assert.Throws<DomainException>(() => TemplateValidator.Validate(new MessageTemplate("t", " ", TemplateKind.Nudge, "s", "t", "h"))).Target);
        Assert.Equal("template.part-required", Rejected(TemplateFactory.With(html: " ")).Code);
    }

    [Fact]
    public void Every_catalogued_variable_is_valid_in_every_part()
    {
        var all = string.Join(' ', TemplateVariables.All.Where(v => v != "tags").Select(v => "{{" + v + "}}"));

        Assert.Empty(TemplateValidator.FindProblems(TemplateFactory.With(subject: all, text: all, html: all)));
    }
}
