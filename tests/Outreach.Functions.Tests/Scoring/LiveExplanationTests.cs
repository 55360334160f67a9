using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Scoring;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Scoring;

/// <summary>
/// The explanation stored on a pending task speaks about its message as its draft reads (the draft the owner sees and
/// the sender sends), on Azurite with the prior deployed.
/// </summary>
public sealed class LiveExplanationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_thank_you_is_scored_and_explained_with_the_note_question_and_length_its_draft_has()
    {
        await using var app = await ScoringApp.StartAsync(azurite, Start);
        var (owner, key, contact) = await SeedAsync(app, "lx");
        var task = await ThankYouAsync(app, owner, contact);

        // The message the owner reads and the sender sends has the note and asks a question.
        var stats = await DraftStatsAsync(app, key, task, contact);
        Assert.True(stats is { PersonalNoteChars: > 0, QuestionCount: 1, WordCount: > 50 }, stats.ToString());

        var score = Assert.Single(await app.Services.GetRequiredService<ITaskScorer>().ScoreAsync(owner, [task], CancellationToken.None));

        Assert.Equal(stats, score.MessageStats);
        Assert.DoesNotContain("No personal note", score.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("No question", score.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown", score.Explanation, StringComparison.OrdinalIgnoreCase);

        // Every reason the model has for this task about its message states what the draft holds.
        var model = (await app.Services.GetRequiredService<DeployedModels>().GetAsync(CancellationToken.None)).Model;
        var context = await app.Services.GetRequiredService<OutreachFeatureSource>().ForOwnerAsync(owner, [task], CancellationToken.None);
        var measured = task with { MessageStats = score.MessageStats };
        var prediction = model.Predict(context.Describe(measured, task.DueUtc), topContributions: 100);
        var wordings = prediction.Contributions.Select(c => c.Wording).ToList();
        Assert.Contains(wordings, w => w.StartsWith($"Personal note: {stats.PersonalNoteChars} characters (", StringComparison.Ordinal));
        Assert.Contains(wordings, w => w.StartsWith("Asks one question (", StringComparison.Ordinal));
        Assert.Contains(wordings, w => w.StartsWith($"Message of a good length: {stats.WordCount} words (", StringComparison.Ordinal));
        Assert.Equal(prediction.Probability, score.Probability);
    }

    [Fact]
    public async Task A_very_short_draft_without_a_note_is_stored_with_its_counts_and_explained_as_it_reads()
    {
        await using var app = await ScoringApp.StartAsync(azurite, Start);
        var (owner, key, contact) = await SeedAsync(app, "ls");
        using (var saved = await app.Client(key).PutAsJsonAsync("/api/templates/thank_you", new
        {
            subject = "Thanks",
            text = "Hi {{firstName}}, thanks for today!\n{{sender.signature}}",
            html = "<p>Hi {{firstName}}, thanks for today!</p>",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var task = await ThankYouAsync(app, owner, contact);
        var stats = await DraftStatsAsync(app, key, task, contact);
        Assert.True(stats.WordCount <= 10, stats.ToString());

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        using (var run = await app.RunTimerAsync(DispatchDueFunction.FunctionName))
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }

        var scored = (await app.Stores.Tasks.FindAsync(owner, task.TaskId, CancellationToken.None))!;
        Assert.Equal(stats, scored.MessageStats);

        // The stored explanation (its top three reasons) says what this short draft lacks, and its length is among the
        // model's reasons with the draft's own word count.
        Assert.True(scored.ScoreExplanation!.Contains("No personal note", StringComparison.Ordinal), scored.ScoreExplanation);
        var model = (await app.Services.GetRequiredService<DeployedModels>().GetAsync(CancellationToken.None)).Model;
        var context = await app.Services.GetRequiredService<OutreachFeatureSource>().ForOwnerAsync(owner, [scored], CancellationToken.None);
        var prediction = model.Predict(context.Describe(scored, scored.DueUtc), topContributions: 100);
        Assert.Contains(prediction.Contributions, c => c.Wording.StartsWith($"Very short message: {stats.WordCount} words (", StringComparison.Ordinal) && c.LogOdds < 0);
    }

    [Fact]
    public async Task A_task_already_measured_is_not_rendered_again_when_scored()
    {
        await using var app = await ScoringApp.StartAsync(azurite, Start);
        var (owner, _, contact) = await SeedAsync(app, "lm");
        var measured = await ThankYouAsync(app, owner, contact) with { MessageStats = new MessageStats(WordCount: 300, QuestionCount: 0, PersonalNoteChars: 0) };

        var score = Assert.Single(await app.Services.GetRequiredService<ITaskScorer>().ScoreAsync(owner, [measured], CancellationToken.None));

        Assert.Equal(measured.MessageStats, score.MessageStats);
    }

    private static async Task<(string Owner, string Key, Contact Contact)> SeedAsync(ScoringApp app, string prefix)
    {
        var owner = ApiApp.NewId(prefix);
        var key = await app.CreateOwnerWithKeyAsync(owner);
        var contact = new Contact
        {
            OwnerId = owner, ContactId = "c001", FirstName = "Priya", Position = "Software Engineer", Email = "c001@example.org",
            Notes = "pricing experiments in subscription apps", Events = [new EventMet("Class visit", new DateOnly(2026, 3, 3))],
        };
        await app.Stores.Contacts.WriteAsync(owner, [contact], CancellationToken.None);
        await app.SaveProfileAsync(owner);
        await app.EnrolAsync(owner, contact);
        return (owner, key, contact);
    }

    private static async Task<OutreachTask> ThankYouAsync(ScoringApp app, string owner, Contact contact)
    {
        var taskId = TaskIds.ForCampaignStep(owner, DefaultCampaigns.ClassVisitFollowUpId, contact.ContactId, "thank-you");
        var task = (await app.Stores.Tasks.FindAsync(owner, taskId, CancellationToken.None))!;
        Assert.Null(task.MessageStats);
        return task;
    }

    /// <summary>The counts of the task's draft as <c>GET /api/tasks/{id}/draft</c> shows it.</summary>
    private static async Task<MessageStats> DraftStatsAsync(ScoringApp app, string key, OutreachTask task, Contact contact)
    {
        var draft = await app.Client(key).GetFromJsonAsync<JsonElement>($"/api/tasks/{task.TaskId}/draft");
        var rendered = new RenderedMessage(draft.GetProperty("subject").GetString()!, draft.GetProperty("text").GetString()!, draft.GetProperty("html").GetString()!);
        return MessageStats.Measure(rendered, contact);
    }
}
