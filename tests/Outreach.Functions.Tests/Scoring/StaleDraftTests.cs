using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Scoring;

/// <summary>
/// A pending draft's stored counts and score follow edits of what it is rendered from: after the owner's template of its
/// kind changes, an import adds to its contact, or the sender's signature changes, the next dispatcher run measures the new draft and scores it again (Azurite, the prior deployed).
/// </summary>
public sealed class StaleDraftTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_linkedin_draft_scored_before_its_template_changed_is_measured_and_scored_again_by_the_next_run()
    {
        await using var app = await ScoringApp.StartAsync(azurite, Start);
        var (owner, key, contact) = await SeedAsync(app, "sd");
        var taskId = TaskIds.ForCampaignStep(owner, DefaultCampaigns.ClassVisitFollowUpId, contact.ContactId, "thank-you");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        await RunDispatcherAsync(app);
        var before = (await app.Stores.Tasks.FindAsync(owner, taskId, CancellationToken.None))!;
        Assert.True(before.MessageStats is { WordCount: > 50, PersonalNoteChars: > 0 }, before.MessageStats?.ToString());

        using (var saved = await app.Client(key).PutAsJsonAsync("/api/templates/thank_you", new
        {
            subject = "Thanks",
            text = "Hi {{firstName}}, thanks for today!\n{{sender.signature}}",
            html = "<p>Hi {{firstName}}, thanks for today!</p>",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunDispatcherAsync(app);

        var after = (await app.Stores.Tasks.FindAsync(owner, taskId, CancellationToken.None))!;
        var draft = await DraftStatsAsync(app, key, after, contact);
        Assert.True(draft.WordCount <= 10, draft.ToString());
        Assert.Equal(draft, after.MessageStats);
        Assert.Equal(TaskState.Planned, after.State);
        Assert.NotEqual(before.Score, after.Score);
        Assert.Contains("No personal note", after.ScoreExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_linkedin_draft_scored_before_an_import_added_notes_to_its_contact_is_measured_and_scored_again_by_the_next_run()
    {
        await using var app = await ScoringApp.StartAsync(azurite, Start);
        var owner = ApiApp.NewId("sn");
        var key = await app.CreateOwnerWithKeyAsync(owner);
        await app.SaveProfileAsync(owner);
        const string Header = "First name,Last name,LinkedIn URL,Position,Event,Met on,What we talked about\n";
        const string Priya = "Priya,Shah,https://www.linkedin.com/in/priya-shah-1a2b3c,Software Engineer,Class visit,2026-03-03,";
        Assert.Equal(1, (await ImportAsync(app, key, Header + Priya + "\n")).GetProperty("counts").GetProperty("accepted").GetInt32());
        var thankYou = Assert.Single(await app.Stores.Tasks.ListAsync(owner, new TaskQuery(), CancellationToken.None), t => t.StepId == "thank-you");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        await RunDispatcherAsync(app);
        var before = (await app.Stores.Tasks.FindAsync(owner, thankYou.TaskId, CancellationToken.None))!;
        Assert.True(before.MessageStats is { PersonalNoteChars: 0 }, before.MessageStats?.ToString());

        // The student remembers what they talked about and imports the sheet again with it.
        var again = await ImportAsync(app, key, Header + Priya + "pricing experiments in subscription apps\n");
        Assert.Equal(1, again.GetProperty("counts").GetProperty("merged").GetInt32());
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunDispatcherAsync(app);

        var after = (await app.Stores.Tasks.FindAsync(owner, thankYou.TaskId, CancellationToken.None))!;
        var contact = (await app.Stores.Contacts.GetAsync(owner, thankYou.ContactId, CancellationToken.None))!;
        var draft = await DraftStatsAsync(app, key, after, contact);
        Assert.True(draft.PersonalNoteChars > 0, draft.ToString());
        Assert.Equal(draft, after.MessageStats);
        Assert.NotEqual(before.Score, after.Score);
    }

    [Fact]
    public async Task A_linkedin_draft_scored_before_the_sender_set_a_signature_is_measured_and_scored_again_by_the_next_run()
    {
        await using var app = await ScoringApp.StartAsync(azurite, Start);
        var (owner, key, contact) = await SeedAsync(app, "ss");
        var taskId = TaskIds.ForCampaignStep(owner, DefaultCampaigns.ClassVisitFollowUpId, contact.ContactId, "thank-you");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        await RunDispatcherAsync(app);
        var before = (await app.Stores.Tasks.FindAsync(owner, taskId, CancellationToken.None))!;

        const string Signature = "Sam Student, MSc Data Science, class of 2026, Northwind University; happy to share my capstone notes and slides";
        using (var put = await app.Client(key).PutAsJsonAsync("/api/sender", new { firstName = "Sam", lastName = "Student", email = "sender@school.example", timeZone = "Europe/London", signature = Signature }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunDispatcherAsync(app);

        var after = (await app.Stores.Tasks.FindAsync(owner, taskId, CancellationToken.None))!;
        var draft = await DraftStatsAsync(app, key, after, contact);
        Assert.True(draft.WordCount > before.MessageStats!.WordCount + 10, $"{before.MessageStats} then {draft}");
        Assert.Equal(draft, after.MessageStats);
    }

    private static async Task<JsonElement> ImportAsync(ScoringApp app, string key, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await app.Client(key).PostAsync(new Uri($"/api/imports?campaign={DefaultCampaigns.ClassVisitFollowUpId}", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task RunDispatcherAsync(ScoringApp app)
    {
        using var run = await app.RunTimerAsync(DispatchDueFunction.FunctionName);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
    }

    private static async Task<(string Owner, string Key, Contact Contact)> SeedAsync(ScoringApp app, string prefix)
    {
        var owner = ApiApp.NewId(prefix);
        var key = await app.CreateOwnerWithKeyAsync(owner);
        var contact = new Contact
        {
            OwnerId = owner, ContactId = "c001", FirstName = "Priya", Position = "Software Engineer",
            Notes = "pricing experiments in subscription apps", Events = [new EventMet("Class visit", new DateOnly(2026, 3, 3))],
        };
        await app.Stores.Contacts.WriteAsync(owner, [contact], CancellationToken.None);
        await app.SaveProfileAsync(owner);
        await app.EnrolAsync(owner, contact);
        return (owner, key, contact);
    }

    /// <summary>The counts of the task's draft as <c>GET /api/tasks/{id}/draft</c> shows it.</summary>
    private static async Task<MessageStats> DraftStatsAsync(ScoringApp app, string key, OutreachTask task, Contact contact)
    {
        var draft = await app.Client(key).GetFromJsonAsync<JsonElement>($"/api/tasks/{task.TaskId}/draft");
        var rendered = new RenderedMessage(draft.GetProperty("subject").GetString()!, draft.GetProperty("text").GetString()!, draft.GetProperty("html").GetString()!);
        return MessageStats.Measure(rendered, contact);
    }
}
