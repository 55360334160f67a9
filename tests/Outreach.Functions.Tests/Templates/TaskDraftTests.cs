using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Sending;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Templates;

/// <summary><c>GET /api/tasks/{id}/draft</c> on real Azurite, compared with what SendOutreach delivers to real maildev.</summary>
public sealed class TaskDraftTests(AzuriteFixture azurite, MailDevFixture maildev)
    : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>, IAsyncLifetime
{
    private TemplatesHost _host = null!;

    private HttpClient Owner => _host.Owner;

    public async Task InitializeAsync()
    {
        await maildev.DeleteAllAsync();
        _host = await TemplatesHost.StartAsync(
            azurite,
            maildev.SmtpPort,
            [SendScenario.Contact("seeded", "c-zoe", "Zoë", "Ångström", "zoe@example.org") with { Notes = "Pricing B2B data products." }]);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_draft_of_an_email_task_is_exactly_the_message_the_sender_delivers()
    {
        using var saved = await Owner.PutAsJsonAsync("/api/templates/thank_you", new
        {
            subject = "Merci, {{default firstName \"there\"}}{{#if topic}}: {{topic}}{{/if}}",
            text = "Hi {{default firstName \"there\"}},\nà bientôt, 東京で.\n{{sender.signature}}\n{{unsubscribeUrl}}",
            html = "<p>Hi {{default firstName \"there\"}},</p><p>à bientôt, 東京で.</p><p><a href=\"{{unsubscribeUrl}}\">unsubscribe</a></p>",
        });
        var task = _host.Tasks[0];

        var draft = await Owner.GetFromJsonAsync<JsonElement>($"/api/tasks/{task.TaskId}/draft");
        using var handler = _host.Factory.CreateClient();
        using var delivery = await SendScenario.PostDeliveryAsync(handler, task, dequeueCount: 1);
        var email = Assert.Single(await maildev.WaitForEmailsAsync(1, SendScenario.Patience));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
        Assert.Equal(TaskState.Sent, (await _host.Scenario.ReloadAsync(task)).State);
        Assert.Equal("Merci, Zoë: Pricing B2B data products", draft.GetProperty("subject").GetString());
        Assert.StartsWith("Hi Zoë,\nà bientôt, 東京で.\nSam\nhttps://outreach.example/api/unsubscribe/k1.", draft.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(draft.GetProperty("subject").GetString(), email.GetProperty("subject").GetString());
        Assert.Equal(draft.GetProperty("text").GetString(), Normalized(email.GetProperty("text").GetString()));
        Assert.Equal(draft.GetProperty("html").GetString(), Normalized(email.GetProperty("html").GetString()));
    }

    [Fact]
    public async Task The_draft_of_a_linkedin_task_is_the_copyable_message_without_an_unsubscribe_link_even_without_an_email_address()
    {
        var contact = SendScenario.Contact(_host.OwnerId, "c-li", "Łukasz", "Nowak", "unused@example.org") with { Email = null, LinkedInUrl = "https://www.linkedin.com/in/lukasz" };
        await _host.Scenario.Stores.Contacts.WriteAsync(_host.OwnerId, [contact], CancellationToken.None);
        var task = SendScenario.Task(contact, "thank-you", TaskState.Planned) with { Channel = TaskChannel.LinkedIn, EmailKey = null };
        Assert.True(await _host.Scenario.Stores.Tasks.TryAddAsync(task, CancellationToken.None));

        var draft = await Owner.GetFromJsonAsync<JsonElement>($"/api/tasks/{task.TaskId}/draft");

        Assert.Equal("Thank you for your time at Career fair", draft.GetProperty("subject").GetString());
        var text = draft.GetProperty("text").GetString()!;
        Assert.StartsWith("Hi Łukasz,\n\nThank you for talking with us at Career fair on November 10.", text, StringComparison.Ordinal);
        Assert.EndsWith("With thanks,\nSam\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("unsubscribe", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("unsubscribe", draft.GetProperty("html").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_draft_of_an_introduction_ask_names_both_people_and_carries_the_consent_link_the_sent_ask_has()
    {
        var bob = SendScenario.Contact(_host.OwnerId, "c-bob", "Bob", "Brennan", "bob@example.org");
        await _host.Scenario.Stores.Contacts.WriteAsync(_host.OwnerId, [bob], CancellationToken.None);
        var zoeId = _host.Tasks[0].ContactId;
        using var introduced = await Owner.PostAsJsonAsync("/api/introductions", new { personAContactId = zoeId, personBContactId = bob.ContactId, personAConsented = true, reason = "both price data products" });
        var tasks = await _host.Scenario.Stores.Tasks.ListAsync(_host.OwnerId, new TaskQuery(), CancellationToken.None);
        var planned = Assert.Single(tasks, t => t.IntroductionId is not null);
        var ask = await _host.Scenario.Stores.Tasks.TryReplaceAsync(planned with { State = TaskState.Queued }, CancellationToken.None) // as the dispatcher would
            ?? throw new InvalidOperationException("The ask could not be queued.");

        var draft = await Owner.GetFromJsonAsync<JsonElement>($"/api/tasks/{ask.TaskId}/draft");
        using var handler = _host.Factory.CreateClient();
        using var delivery = await SendScenario.PostDeliveryAsync(handler, ask, dequeueCount: 1);
        var email = Assert.Single(await maildev.WaitForEmailsAsync(1, SendScenario.Patience));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (introduced.StatusCode, delivery.StatusCode));
        Assert.Equal(bob.ContactId, ask.ContactId);
        var text = draft.GetProperty("text").GetString()!;
        Assert.Contains("Zoë", text, StringComparison.Ordinal);
        Assert.Contains("both price data products", text, StringComparison.Ordinal);
        Assert.Contains("/api/introductions/consent/", text, StringComparison.Ordinal);
        Assert.Equal(draft.GetProperty("subject").GetString(), email.GetProperty("subject").GetString());
        Assert.Equal(text, Normalized(email.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task The_draft_of_an_introduction_ask_shows_a_placeholder_for_Bs_link_to_a_read_only_key_or_a_coach_and_the_ask_sent_still_has_it()
    {
        var bob = SendScenario.Contact(_host.OwnerId, "c-bob", "Bob", "Brennan", "bob@example.org");
        await _host.Scenario.Stores.Contacts.WriteAsync(_host.OwnerId, [bob], CancellationToken.None);
        using var introduced = await Owner.PostAsJsonAsync("/api/introductions", new { personAContactId = _host.Tasks[0].ContactId, personBContactId = bob.ContactId, personAConsented = true, reason = "both price data products" });
        var planned = Assert.Single(await _host.Scenario.Stores.Tasks.ListAsync(_host.OwnerId, new TaskQuery(), CancellationToken.None), t => t.IntroductionId is not null);
        var ask = await _host.Scenario.Stores.Tasks.TryReplaceAsync(planned with { State = TaskState.Queued }, CancellationToken.None)
            ?? throw new InvalidOperationException("The ask could not be queued.");
        using var readOnly = await _host.ReadOnlyKeyAsync();
        using var coach = await _host.CoachAsync("read", "write", "send");

        var byReadKey = await readOnly.GetFromJsonAsync<JsonElement>($"/api/tasks/{ask.TaskId}/draft");
        var byCoach = await coach.GetFromJsonAsync<JsonElement>($"/api/tasks/{ask.TaskId}/draft?owner={_host.OwnerId}");
        using var handler = _host.Factory.CreateClient();
        using var delivery = await SendScenario.PostDeliveryAsync(handler, ask, dequeueCount: 1);
        var email = Assert.Single(await maildev.WaitForEmailsAsync(1, SendScenario.Patience));

        // The ask B receives carries the link; the draft read with read scope alone is that same text with the link withheld.
        Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
        var sent = Normalized(email.GetProperty("text").GetString())!;
        var link = System.Text.RegularExpressions.Regex.Match(sent, @"https://\S+/api/introductions/consent/\S+").Value;
        Assert.NotEmpty(link);
        foreach (var draft in new[] { byReadKey, byCoach })
        {
            Assert.Equal(sent.Replace(link, "[consent link: shown to the sender only]", StringComparison.Ordinal), draft.GetProperty("text").GetString());
            Assert.DoesNotContain("/api/introductions/consent/", draft.GetProperty("html").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_owners_task_draft_is_not_found_exactly_like_a_missing_task()
    {
        var task = _host.Tasks[0];

        using var asOther = await _host.Other.GetAsync(new Uri($"/api/tasks/{task.TaskId}/draft", UriKind.Relative));
        using var forOther = await Owner.GetAsync(new Uri($"/api/tasks/{task.TaskId}/draft?owner={_host.OtherOwnerId}", UriKind.Relative));
        using var missing = await Owner.GetAsync(new Uri("/api/tasks/no-such-task/draft", UriKind.Relative));

        await NotFoundAssert.AllSameAsync(missing, asOther, forOther);
    }

    /// <summary>maildev shows the decoded MIME part with the CRLF line ends SMTP uses.</summary>
    private static string? Normalized(string? part) => part?.ReplaceLineEndings("\n");
}
