using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Core.Messaging.Defaults;
using Outreach.Core.Messaging.Templates;
using Outreach.Functions.Tests.Sending;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Templates;

/// <summary><c>GET /api/templates</c> and <c>GET|PUT|DELETE /api/templates/{name}</c> on real Azurite.</summary>
public sealed class TemplatesApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const int TemplateLimit = 2048;
    private TemplatesHost _host = null!;

    private HttpClient Owner => _host.Owner;

    public async Task InitializeAsync() => _host = await TemplatesHost.StartAsync(
        azurite,
        SendScenario.ClosedPort(),
        [SendScenario.Contact("seeded", "c-zoe", "Zoë", "Ångström", "zoe@example.org")],
        ("Limits:MaxTemplateBytes", TemplateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Listing_shows_every_default_and_the_owners_own_template_marking_which_one_is_in_use()
    {
        using var saved = await Owner.PutAsJsonAsync("/api/templates/follow_up", Template("Gentle follow-up", "Still there, {{default firstName \"there\"}}?"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var list = await Owner.GetFromJsonAsync<JsonElement>("/api/templates");

        var entries = list.GetProperty("templates").EnumerateArray()
            .Select(t => $"{t.GetProperty("name").GetString()}|{t.GetProperty("origin").GetString()}|{t.GetProperty("inUse").GetBoolean()}")
            .ToArray();
        Assert.Equal(
            [
                "thank_you|default|True", "follow_up|default|False", "give_first|default|True", "stay_in_touch|default|True",
                "intro_ask|default|True", "intro|default|True", "nudge|default|True", "follow_up|owner|True",
            ],
            entries);
        var own = list.GetProperty("templates")[7];
        Assert.Equal("Gentle follow-up", own.GetProperty("title").GetString());
        Assert.Equal(DefaultTemplates.For(TemplateKind.ThankYou).Name, list.GetProperty("templates")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_saved_template_keeps_non_ascii_text_and_deleting_it_falls_back_to_the_default()
    {
        var parts = Template("Merci beaucoup", "Merci, {{default firstName \"there\"}}: à bientôt, 東京で");

        using var put = await Owner.PutAsJsonAsync("/api/templates/thank_you", parts);
        var own = await Owner.GetFromJsonAsync<JsonElement>("/api/templates/thank_you");
        using var delete = await Owner.DeleteAsync(new Uri("/api/templates/thank_you", UriKind.Relative));
        var afterDelete = await Owner.GetFromJsonAsync<JsonElement>("/api/templates/thank_you");
        using var deleteAgain = await Owner.DeleteAsync(new Uri("/api/templates/thank_you", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("owner", own.GetProperty("origin").GetString());
        Assert.Equal("Merci beaucoup", own.GetProperty("title").GetString());
        Assert.Equal("Merci, {{default firstName \"there\"}}: à bientôt, 東京で", own.GetProperty("subject").GetString());
        Assert.Equal(parts.Text, own.GetProperty("text").GetString());
        Assert.Equal(parts.Html, own.GetProperty("html").GetString());
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal("default", afterDelete.GetProperty("origin").GetString());
        Assert.Equal(DefaultTemplates.For(TemplateKind.ThankYou).Subject, afterDelete.GetProperty("subject").GetString());
        Assert.Equal(HttpStatusCode.NotFound, deleteAgain.StatusCode);
    }

    [Fact]
    public async Task Saving_a_template_with_unknown_variables_or_a_compile_error_lists_each_problem_and_stores_nothing()
    {
        var body = new
        {
            title = "Broken",
            subject = "Hi {{frstName}}",
            text = "Hello,\nthanks from {{sender.nickname}}.",
            html = "<p>{{#if topic}}About {{topic}}</p>",
        };

        using var response = await Owner.PutAsJsonAsync("/api/templates/thank_you", body);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var stored = await Owner.GetFromJsonAsync<JsonElement>("/api/templates/thank_you");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("template.invalid", problem.GetProperty("code").GetString());
        var problems = problem.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("code").GetString()}|{p.GetProperty("variable").GetString()}|{p.GetProperty("part").GetString()}|{p.GetProperty("line").GetInt32()}:{p.GetProperty("column").GetInt32()}|{p.GetProperty("suggestion").GetString()}")
            .ToArray();
        Assert.Equal(
            [
                "template.unknown-variable|frstName|subject|1:6|firstName",
                "template.unknown-variable|sender.nickname|text|2:15|",
                "template.unclosed-block||html|1:4|",
            ],
            problems);
        Assert.Equal("default", stored.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task Saving_a_subject_that_prints_a_value_some_contacts_lack_is_refused_naming_it_and_how_to_guard_it()
    {
        using var response = await Owner.PutAsJsonAsync("/api/templates/thank_you", Template("Thanks", "Thank you, {{firstName}}, from {{sender.email}}"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var stored = await Owner.GetFromJsonAsync<JsonElement>("/api/templates/thank_you");
        using var guarded = await Owner.PutAsJsonAsync("/api/templates/thank_you", Template("Thanks", "Thank you{{#if firstName}}, {{firstName}}{{/if}}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var only = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal(
            "template.subject-may-be-empty|firstName|subject|1:14",
            $"{only.GetProperty("code").GetString()}|{only.GetProperty("variable").GetString()}|{only.GetProperty("part").GetString()}|{only.GetProperty("line").GetInt32()}:{only.GetProperty("column").GetInt32()}");
        Assert.Equal(
            "'firstName' in the subject part at line 1, column 14 is blank for a contact without it, which leaves a hole in the subject line. "
                + "Wrap it in {{#if firstName}}…{{/if}} or give it a fallback: {{default firstName \"…\"}}.",
            problem.GetProperty("detail").GetString());
        Assert.Equal("default", stored.GetProperty("origin").GetString());
        Assert.Equal(HttpStatusCode.OK, guarded.StatusCode);
    }

    [Fact]
    public async Task A_template_over_the_size_limit_is_refused_with_413_naming_the_limit()
    {
        var text = string.Concat(Enumerable.Repeat("Grüße ", TemplateLimit / 6));

        using var response = await Owner.PutAsJsonAsync("/api/templates/thank_you", Template("Long", "Hi") with { Text = text });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Limits:MaxTemplateBytes", problem.GetProperty("limit").GetString());
        Assert.Equal(TemplateLimit, problem.GetProperty("limitValue").GetInt32());
    }

    [Fact]
    public async Task A_title_longer_than_one_line_of_200_characters_is_refused_naming_the_title()
    {
        using var response = await Owner.PutAsJsonAsync("/api/templates/thank_you", Template(new string('x', 201), "Hi"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("template.name-invalid", problem.GetProperty("code").GetString());
        Assert.Equal("title", problem.GetProperty("target").GetString());
        Assert.Equal("A template title is one line of at most 200 characters.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unknown_template_name_is_not_found_and_cannot_be_saved()
    {
        using var get = await Owner.GetAsync(new Uri("/api/templates/thanks", UriKind.Relative));
        using var put = await Owner.PutAsJsonAsync("/api/templates/thanks", Template("x", "Hi"));
        var problem = await put.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("template.unknown-kind", problem.GetProperty("code").GetString());
        Assert.Equal("name", problem.GetProperty("target").GetString());
    }

    [Fact]
    public async Task Every_template_route_answers_another_owners_templates_as_not_found_and_changes_nothing()
    {
        using var othersOwn = await _host.Other.PutAsJsonAsync("/api/templates/thank_you", Template("Olga's", "Olga's subject"));
        var other = $"?owner={_host.OtherOwnerId}";

        using var missingOwner = await Owner.GetAsync(new Uri($"/api/templates?owner={ApiApp.NewId("nobody")}", UriKind.Relative));
        using var list = await Owner.GetAsync(new Uri("/api/templates" + other, UriKind.Relative));
        using var get = await Owner.GetAsync(new Uri("/api/templates/thank_you" + other, UriKind.Relative));
        using var put = await Owner.PutAsJsonAsync("/api/templates/thank_you" + other, Template("Hijack", "Hijacked"));
        using var delete = await Owner.DeleteAsync(new Uri("/api/templates/thank_you" + other, UriKind.Relative));
        var mine = await Owner.GetFromJsonAsync<JsonElement>("/api/templates/thank_you");
        var theirs = await _host.Other.GetFromJsonAsync<JsonElement>("/api/templates/thank_you");

        Assert.Equal(HttpStatusCode.OK, othersOwn.StatusCode);
        await NotFoundAssert.AllSameAsync(missingOwner, list, get, put, delete);
        Assert.Equal("default", mine.GetProperty("origin").GetString());
        Assert.Equal("Olga's subject", theirs.GetProperty("subject").GetString());
    }

    private static TemplateBody Template(string title, string subject) => new(
        title,
        subject,
        "Hi {{default firstName \"there\"}},\nthank you.\n{{sender.signature}}",
        "<p>Hi {{default firstName \"there\"}},</p><p>thank you.</p><p>{{sender.signature}}</p>");

    private sealed record TemplateBody(string Title, string Subject, string Text, string Html);
}
