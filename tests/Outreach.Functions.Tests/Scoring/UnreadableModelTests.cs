using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Planning;
using Outreach.Core.Scoring;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Scoring;
using Outreach.Functions.Tests.Support;
using Outreach.Storage.Stores.Scoring;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Scoring;

/// <summary>
/// A <c>deployed.json</c> that names an artifact this version of Outreach cannot read (written by a newer version
/// before a rollback, a feature layout changed by an upgrade, a damaged or deleted blob) on Azurite: mail keeps going
/// out, ranked by the prior, and the nightly retraining replaces it.
/// </summary>
public sealed class UnreadableModelTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string UnreadableBlob = "artifacts/v000002-from-a-newer-outreach.json";
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("newer-schema")]
    [InlineData("weights-null")]
    [InlineData("nan-weight")]
    public async Task A_deployed_model_this_version_cannot_read_does_not_stop_dispatch_and_the_prior_scores_the_queue(string damage)
    {
        var metOn = new DateOnly(2026, 3, 3);
        await using var app = await ScoringApp.StartAsync(azurite, new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero));
        var owner = ApiApp.NewId("ed");
        var contacts = new[] { "Intern", "Software Engineer", "Director of Sales" }
            .Select((p, i) => Contact(owner, i, p) with { Events = [new EventMet("Class visit", metOn)] }).ToArray();
        await app.Stores.Contacts.WriteAsync(owner, contacts, CancellationToken.None);
        await app.SaveProfileAsync(owner);
        await app.EnrolAsync(owner, contacts);
        await DeployUnreadableModelAsync(app, damage);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        using (var run = await app.RunTimerAsync(DispatchDueFunction.FunctionName))
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }

        foreach (var contact in contacts)
        {
            var task = await app.Stores.Tasks.FindAsync(owner, TaskIds.ForCampaignStep(owner, DefaultCampaigns.ClassVisitFollowUpId, contact.ContactId, "thank-you"), CancellationToken.None);
            Assert.Equal(TaskState.Queued, task!.State);
            Assert.StartsWith("prior model (published effects, not your replies yet): ", task.ScoreExplanation, StringComparison.Ordinal);
        }

        using var client = app.Client(await app.CreateOwnerWithKeyAsync(owner));
        var shown = await client.GetFromJsonAsync<JsonElement>("/api/model");
        Assert.Equal("prior", shown.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task LinkedIn_drafts_already_due_are_scored_again_by_the_prior_that_stands_in_for_an_unreadable_model()
    {
        var metOn = new DateOnly(2026, 3, 3);
        await using var app = await ScoringApp.StartAsync(azurite, new DateTimeOffset(2026, 3, 3, 12, 0, 0, TimeSpan.Zero));
        var owner = ApiApp.NewId("ld");
        var contact = Contact(owner, 0, "Director of Sales") with
        {
            Email = null, LinkedInUrl = "https://www.linkedin.com/in/c000", Events = [new EventMet("Class visit", metOn)],
        };
        await app.Stores.Contacts.WriteAsync(owner, [contact], CancellationToken.None);
        await app.SaveProfileAsync(owner);
        await app.EnrolAsync(owner, contact);
        var draftId = TaskIds.ForCampaignStep(owner, DefaultCampaigns.ClassVisitFollowUpId, contact.ContactId, "thank-you");

        // Due and scored by the deployed model, which then becomes unreadable: the draft's score is that model's.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        using (var run = await app.RunTimerAsync(DispatchDueFunction.FunctionName))
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }

        var scored = await app.Stores.Tasks.FindAsync(owner, draftId, CancellationToken.None);
        Assert.Equal((TaskChannel.LinkedIn, TaskState.Planned), (scored!.Channel, scored.State));
        var prior = scored.ScoreModelId;
        Assert.NotNull(await app.Stores.Tasks.TryReplaceAsync(
            scored with { Score = 0.99, ScoreExplanation = "scored by a model this version cannot read", ScoreModelId = "from-a-newer-outreach" }, CancellationToken.None));
        await DeployUnreadableModelAsync(app, "newer-schema");

        using var client = app.Client(await app.CreateOwnerWithKeyAsync(owner));
        Assert.Equal("prior", (await client.GetFromJsonAsync<JsonElement>("/api/model")).GetProperty("origin").GetString());
        using (var run = await app.RunTimerAsync(DispatchDueFunction.FunctionName))
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }

        var rescored = await app.Stores.Tasks.FindAsync(owner, draftId, CancellationToken.None);
        Assert.Equal(prior, rescored!.ScoreModelId);
        Assert.StartsWith("prior model (published effects, not your replies yet): ", rescored.ScoreExplanation, StringComparison.Ordinal);
        Assert.NotEqual(0.99, rescored.Score);
    }

    [Fact]
    public async Task The_nightly_retraining_replaces_a_deployed_model_this_version_cannot_read()
    {
        await using var app = await ScoringApp.StartAsync(azurite, Start);
        var owner = ApiApp.NewId("fa");
        // Class-visit contacts reply one time in four, cold ones two times in 300: a history with a strong effect.
        var contacts = Enumerable.Range(0, 600).Select(i => i % 2 == 0 ? Contact(owner, i, "Analyst") : Contact(owner, i, null) with { Events = [] }).ToList();
        await app.SeedSentHistoryAsync(owner, contacts, i => Start.AddDays(i % 5), i => i % 2 == 0 ? i % 8 == 0 : i % 300 == 1);
        await DeployUnreadableModelAsync(app, "newer-schema");
        app.Clock.SetUtcNow(Start.AddDays(20));

        using (var run = await app.RunTimerAsync(RetrainModelFunction.FunctionName))
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }

        var record = Assert.Single(await app.Models.ListTrainingRecordsAsync(CancellationToken.None));
        Assert.True(record.Deployed, record.Reason);
        var deployed = await app.Models.GetDeployedAsync(CancellationToken.None);
        Assert.Equal((record.CandidateModelId, ModelOrigin.History), (deployed!.Model.Id, deployed.Model.Origin));
    }

    private static Contact Contact(string ownerId, int i, string? position) => new()
    {
        OwnerId = ownerId, ContactId = $"c{i:000}", FirstName = $"c{i:000}", Position = position,
        Email = $"c{i:000}@example.org", Events = [new EventMet("Class visit", new DateOnly(2026, 1, 2))],
    };

    /// <summary>
    /// Deploys the prior, then points <c>deployed.json</c> at a copy of it that is damaged: a schema version this code
    /// does not know, weights that are null, or a weight that is NaN (JSON of the right shape a model cannot be built from).
    /// </summary>
    private static async Task DeployUnreadableModelAsync(ScoringApp app, string damage)
    {
        var prior = await app.Services.GetRequiredService<DeployedModels>().GetAsync(CancellationToken.None);
        using var saved = new MemoryStream();
        prior.Model.Save(saved);
        var artifact = JsonNode.Parse(saved.ToArray())!;
        switch (damage)
        {
            case "newer-schema": artifact["schemaVersion"] = 2; break;
            case "weights-null": artifact["weights"] = null; break;
            case "nan-weight": artifact["weights"]![0] = "NaN"; break;
        }

        var newer = artifact.ToJsonString();
        await app.ModelContainer.UploadAsync(UnreadableBlob, new MemoryStream(Encoding.UTF8.GetBytes(newer)), "application/json", overwrite: true, CancellationToken.None);
        var pointer = new ModelPointer(UnreadableBlob, "from-a-newer-outreach", 2, ModelOrigin.History, app.Clock.GetUtcNow());
        await app.ModelContainer.UploadAsync(
            BlobModelStore.PointerBlob, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(pointer, Web)), "application/json", overwrite: true, CancellationToken.None);
        await Assert.ThrowsAsync<Outreach.Core.DomainException>(() => app.Models.GetDeployedAsync(CancellationToken.None));
    }
}
