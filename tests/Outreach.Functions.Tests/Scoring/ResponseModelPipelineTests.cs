using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Planning;
using Outreach.Core.Scoring;
using Outreach.Core.Scoring.History;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Scoring;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Scoring;

/// <summary>
/// The response model end to end on Azurite with the fake clock: cold start deploys the prior, the nightly
/// <c>RetrainModel</c> timer deploys a model that beats the 5 % baseline and refuses one that cannot, the dispatcher
/// stores scores and explanations and the daily cap follows them, and <c>/api/model</c> and <c>/api/history</c> answer.
/// </summary>
public sealed class ResponseModelPipelineTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // Monday 5 January 2026, 09:00 in London (GMT).
    private static readonly DateTimeOffset HistoryStart = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly HistoryMetOn = new(2026, 1, 2);

    private static Contact ClassVisitContact(string ownerId, int i, string? position = null) => new()
    {
        OwnerId = ownerId, ContactId = $"c{i:000}", FirstName = $"c{i:000}", Position = position,
        Email = $"c{i:000}@example.org", Events = [new EventMet("Class visit", HistoryMetOn)],
    };

    private static Contact ColdContact(string ownerId, int i) => new()
    {
        OwnerId = ownerId, ContactId = $"c{i:000}", FirstName = $"c{i:000}", Email = $"c{i:000}@example.org",
    };

    [Fact]
    public async Task A_history_that_beats_the_baseline_is_deployed_over_the_prior_and_shown_as_trained()
    {
        await using var app = await ScoringApp.StartAsync(azurite, HistoryStart);
        var owner = ApiApp.NewId("ana");
        var key = await app.CreateOwnerWithKeyAsync(owner);
        using var client = app.Client(key);
        var prior = await client.GetFromJsonAsync<JsonElement>("/api/model");
        Assert.Equal(("prior", 1, DeployedModels.PriorRows), (prior.GetProperty("origin").GetString(), prior.GetProperty("version").GetInt32(), prior.GetProperty("rows").GetInt32()));

        // Class-visit contacts reply one time in four, cold ones two times in 300: warmth is a strong effect, so the
        // candidate beats the baseline whichever rows the seeded split holds out (row order follows the random owner id).
        var contacts = Enumerable.Range(0, 600)
            .Select(i => i % 2 == 0 ? ClassVisitContact(owner, i, i == 0 ? "=HYPERLINK(\"http://evil.example\")" : "Analyst") : ColdContact(owner, i))
            .ToList();
        await app.SeedSentHistoryAsync(owner, contacts, i => HistoryStart.AddDays(i % 5), i => i % 2 == 0 ? i % 8 == 0 : i % 300 == 1);
        // Sent a day before the run: its 14-day window is still open, so it is no training row yet.
        app.Clock.SetUtcNow(HistoryStart.AddDays(20));
        await app.SeedSentHistoryAsync(owner, [ClassVisitContact(owner, 600)], _ => HistoryStart.AddDays(19), _ => false);

        using (var run = await app.RunTimerAsync(RetrainModelFunction.FunctionName))
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }

        var record = Assert.Single(await app.Models.ListTrainingRecordsAsync(CancellationToken.None));
        Assert.True(record.Deployed, record.Reason);
        Assert.Equal((1, 600, 77, prior.GetProperty("id").GetString()), (record.Owners, record.Rows, record.Replies, record.PreviousModelId));
        var deployed = await app.Models.GetDeployedAsync(CancellationToken.None);
        Assert.Equal((record.CandidateModelId, ModelOrigin.History, 2, HistoryStart.AddDays(20)), (deployed!.Model.Id, deployed.Model.Origin, deployed.Model.Version, deployed.Deployment.DeployedUtc));

        // The hold-out is the latest 120 sends (day 4), all the owner's own: the model's figures are theirs, under "yours".
        var trained = await client.GetFromJsonAsync<JsonElement>("/api/model");
        Assert.Equal(("trained", 2, record.CandidateModelId), (trained.GetProperty("origin").GetString(), trained.GetProperty("version").GetInt32(), trained.GetProperty("id").GetString()));
        var yours = trained.GetProperty("yours");
        Assert.Equal((HistoryStart.AddDays(4), 120, 15), (yours.GetProperty("since").GetDateTimeOffset().AddDays(1), yours.GetProperty("rows").GetInt32(), yours.GetProperty("replies").GetInt32()));
        Assert.Equal(record.Metrics!.AreaUnderRocCurve, yours.GetProperty("auc").GetDouble(), 12);
        Assert.Equal(record.Metrics.LiftAt10.Lift, yours.GetProperty("liftAt10").GetProperty("lift").GetDouble(), 12);
        using var admin = app.Client(await app.CreateAdminWithKeyAsync(ApiApp.NewId("admin")));
        var full = await admin.GetFromJsonAsync<JsonElement>("/api/model");
        Assert.Equal((600, record.Metrics.Count, record.Metrics.Reliability.Count), (full.GetProperty("rows").GetInt32(), full.GetProperty("metrics").GetProperty("holdOutRows").GetInt32(), full.GetProperty("reliability").GetArrayLength()));
        Assert.Equal(JsonValueKind.Null, full.GetProperty("countsWithheld").ValueKind);

        using var export = await client.GetAsync(new Uri("/api/history?format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', HistoryColumns.Required), lines[0]);
        Assert.Equal(601, lines.Length);
        var first = Assert.Single(lines, l => l.StartsWith(TaskIds.ForCampaignStep(owner, DefaultCampaigns.ClassVisitFollowUpId, "c000", "thank-you") + ",", StringComparison.Ordinal));
        Assert.Equal(
            $"{TaskIds.ForCampaignStep(owner, DefaultCampaigns.ClassVisitFollowUpId, "c000", "thank-you")},{owner},2026-01-05T09:00:00+00:00,\"'=HYPERLINK(\"\"http://evil.example\"\")\",class_visit,3,1,email,thank_you,,0,,,1",
            first);
    }

    [Fact]
    public async Task The_history_holds_only_sends_whose_outcome_window_has_closed_answered_or_not()
    {
        await using var app = await ScoringApp.StartAsync(azurite, HistoryStart);
        var owner = ApiApp.NewId("di");
        using var client = app.Client(await app.CreateOwnerWithKeyAsync(owner));
        var contacts = Enumerable.Range(0, 100).Select(i => ClassVisitContact(owner, i)).ToList();
        // 80 sends on day 0 (4 replies) and 20 on day 15 (1 reply, two days later), seen on day 20.
        await app.SeedSentHistoryAsync(owner, contacts, i => i < 80 ? HistoryStart : HistoryStart.AddDays(15), i => i % 20 == 0);
        app.Clock.SetUtcNow(HistoryStart.AddDays(20));

        var lines = (await client.GetStringAsync(new Uri("/api/history?format=csv", UriKind.Relative))).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var rows = lines.Skip(1).ToList();
        Assert.Equal((80, 4), (rows.Count, rows.Count(r => r.EndsWith(",1", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task A_history_of_pure_noise_is_refused_and_the_previous_model_stays()
    {
        await using var app = await ScoringApp.StartAsync(azurite, HistoryStart);
        var owner = ApiApp.NewId("bo");
        // Every outreach alike, replies one in 20 at random positions: nothing to learn beyond the base rate.
        var contacts = Enumerable.Range(0, 600).Select(i => ClassVisitContact(owner, i, "Analyst")).ToList();
        var order = Enumerable.Range(0, 600).ToArray();
        new Random(7).Shuffle(order);
        var replied = order.Take(30).ToHashSet();
        await app.SeedSentHistoryAsync(owner, contacts, _ => HistoryStart, replied.Contains);
        app.Clock.SetUtcNow(HistoryStart.AddDays(15));

        using (var run = await app.RunTimerAsync(RetrainModelFunction.FunctionName))
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }

        var record = Assert.Single(await app.Models.ListTrainingRecordsAsync(CancellationToken.None));
        Assert.Equal((false, 600, 30), (record.Deployed, record.Rows, record.Replies));
        Assert.Contains("does not rank replies better than chance", record.Reason, StringComparison.Ordinal);
        var deployed = await app.Models.GetDeployedAsync(CancellationToken.None);
        Assert.Equal((record.PreviousModelId, ModelOrigin.SyntheticPrior, 1), (deployed!.Model.Id, deployed.Model.Origin, deployed.Model.Version));
        Assert.Null(await app.ModelContainer.OpenReadAsync($"artifacts/v000002-{record.CandidateModelId}.json"));

        // The owner reads why the prior still ranks their queue; an admin reads the run's own reasons.
        using var client = app.Client(await app.CreateOwnerWithKeyAsync(owner));
        var shown = (await client.GetFromJsonAsync<JsonElement>("/api/model")).GetProperty("lastRetraining");
        Assert.Equal((false, ModelRetrainingResponse.RefusedReason), (shown.GetProperty("deployed").GetBoolean(), shown.GetProperty("reason").GetString()));
        using var admin = app.Client(await app.CreateAdminWithKeyAsync(ApiApp.NewId("admin")));
        Assert.Equal(record.Reason, (await admin.GetFromJsonAsync<JsonElement>("/api/model")).GetProperty("lastRetraining").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Retraining_with_too_few_outcomes_keeps_the_prior_and_the_model_says_why()
    {
        await using var app = await ScoringApp.StartAsync(azurite, HistoryStart);
        var owner = ApiApp.NewId("gil");
        using var client = app.Client(await app.CreateOwnerWithKeyAsync(owner));
        Assert.Equal(JsonValueKind.Null, (await client.GetFromJsonAsync<JsonElement>("/api/model")).GetProperty("lastRetraining").ValueKind);
        // 100 sends, 5 replies: a quarter of what training needs.
        await app.SeedSentHistoryAsync(owner, [.. Enumerable.Range(0, 100).Select(i => ClassVisitContact(owner, i))], _ => HistoryStart, i => i % 20 == 0);
        app.Clock.SetUtcNow(HistoryStart.AddDays(15));

        using (var run = await app.RunTimerAsync(RetrainModelFunction.FunctionName))
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }

        var record = Assert.Single(await app.Models.ListTrainingRecordsAsync(CancellationToken.None));
        Assert.Equal((false, null), (record.Deployed, record.CandidateModelId));
        Assert.Equal("The history has 5 replies and 95 non-replies; training needs at least 20 of each.", record.Reason);
        var model = await client.GetFromJsonAsync<JsonElement>("/api/model");
        Assert.Equal(("prior", record.PreviousModelId), (model.GetProperty("origin").GetString(), model.GetProperty("id").GetString()));
        var shown = model.GetProperty("lastRetraining");
        Assert.Equal((app.Clock.GetUtcNow(), false, ModelRetrainingResponse.TooFewOutcomesReason), (shown.GetProperty("runUtc").GetDateTimeOffset(), shown.GetProperty("deployed").GetBoolean(), shown.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Dispatch_stores_the_models_scores_and_explanations_and_the_daily_cap_takes_the_highest_scores()
    {
        var metOn = new DateOnly(2026, 3, 3);
        await using var app = await ScoringApp.StartAsync(azurite, new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero));
        var owner = ApiApp.NewId("cy");
        string[] positions = ["Chief Executive Officer", "Intern", "Software Engineer", "VP Engineering", "Director of Sales", "Student"];
        var contacts = positions.Select((p, i) => ClassVisitContact(owner, i, p) with { Events = [new EventMet("Class visit", metOn)] }).ToArray();
        await app.Stores.Contacts.WriteAsync(owner, contacts, CancellationToken.None);
        await app.SaveProfileAsync(owner, dailyCap: 3);
        await app.EnrolAsync(owner, contacts);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        using (var run = await app.RunTimerAsync(DispatchDueFunction.FunctionName))
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }

        var tasks = new List<OutreachTask>();
        foreach (var contact in contacts)
        {
            tasks.Add((await app.Stores.Tasks.FindAsync(owner, TaskIds.ForCampaignStep(owner, DefaultCampaigns.ClassVisitFollowUpId, contact.ContactId, "thank-you"), CancellationToken.None))!);
        }

        Assert.All(tasks, t => Assert.StartsWith("prior model (published effects, not your replies yet): ", t.ScoreExplanation, StringComparison.Ordinal));
        Assert.All(tasks, t => Assert.InRange(t.Score!.Value, 0.0, 1.0));
        Assert.True(tasks.Select(t => t.Score).Distinct().Count() > 1, "Different seniorities should score differently.");
        var byScore = tasks.OrderByDescending(t => t.Score).ToList();
        Assert.Equal([TaskState.Queued, TaskState.Queued, TaskState.Queued, TaskState.Planned, TaskState.Planned, TaskState.Planned], byScore.Select(t => t.State));
        var model = (await app.Services.GetRequiredService<DeployedModels>().GetAsync(CancellationToken.None)).Model;
        Assert.All(tasks, t => Assert.Equal(model.Id, t.ScoreModelId)); // so the next run does not score them again
        var intern = tasks[1];
        var draft = intern.MessageStats!; // measured on the draft when scored, stored with the score
        Assert.Equal(model.Predict(new OutreachFeatures
        {
            RecipientPosition = "Intern", Relationship = Relationship.ClassVisit, DaysSinceMet = 1, Step = 1, Channel = Channel.Email,
            TemplateKind = Outreach.Core.Scoring.History.TemplateKind.ThankYou, SentAt = new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero),
            WordCount = draft.WordCount, QuestionCount = draft.QuestionCount, PersonalNoteChars = draft.PersonalNoteChars,
        }).Probability, intern.Score);
    }
}
