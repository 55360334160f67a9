using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;
using Outreach.Core.Scoring.Features;
using Outreach.Functions.Scoring;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Scoring;

/// <summary>The explanation stored on a pending task speaks only about what was known of it, on Azurite with the prior deployed.</summary>
public sealed class LiveExplanationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_thank_you_with_a_personal_note_and_a_question_is_not_explained_as_lacking_them()
    {
        await using var app = await ScoringApp.StartAsync(azurite, new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero));
        var owner = ApiApp.NewId("lx");
        var key = await app.CreateOwnerWithKeyAsync(owner);
        var contact = new Contact
        {
            OwnerId = owner, ContactId = "c001", FirstName = "Priya", Position = "Software Engineer", Email = "c001@example.org",
            Notes = "pricing experiments in subscription apps", Events = [new EventMet("Class visit", new DateOnly(2026, 3, 3))],
        };
        await app.Stores.Contacts.WriteAsync(owner, [contact], CancellationToken.None);
        await app.SaveProfileAsync(owner);
        await app.EnrolAsync(owner, contact);
        var taskId = TaskIds.ForCampaignStep(owner, DefaultCampaigns.ClassVisitFollowUpId, contact.ContactId, "thank-you");
        var task = (await app.Stores.Tasks.FindAsync(owner, taskId, CancellationToken.None))!;

        // The message the owner reads and the sender sends has the note and asks a question.
        var draft = await app.Client(key).GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/draft");
        var stats = MessageStats.From(new RenderedMessage(draft.GetProperty("subject").GetString()!, draft.GetProperty("text").GetString()!, draft.GetProperty("html").GetString()!), contact.Notes);
        Assert.True(stats is { PersonalNoteChars: > 0, QuestionCount: > 0 }, stats.ToString());

        var score = Assert.Single(await app.Services.GetRequiredService<ITaskScorer>().ScoreAsync(owner, [task], CancellationToken.None));

        Assert.DoesNotContain("No personal note", score.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("No question", score.Explanation, StringComparison.Ordinal);

        // Nor would a longer explanation: none of the model's reasons for this task speaks of the note or the questions.
        var model = (await app.Services.GetRequiredService<DeployedModels>().GetAsync(CancellationToken.None)).Model;
        var context = await app.Services.GetRequiredService<OutreachFeatureSource>().ForOwnerAsync(owner, [task], CancellationToken.None);
        var reasons = model.Predict(context.Describe(task, task.DueUtc), topContributions: 100).Contributions;
        Assert.DoesNotContain(reasons, c => c.Group is FeatureGroups.Personalisation or FeatureGroups.Questions);
    }
}
