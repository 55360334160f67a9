using System.Net;
using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Planning;
using Outreach.Core.Scoring;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Scoring;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Scoring;

/// <summary>
/// A LinkedIn draft already due, ranked in the owner's to-do view by its stored score, is scored again by the model the
/// nightly retraining deploys, at the next dispatcher run (Azurite, the prior deployed first).
/// </summary>
public sealed class DeployedModelDraftTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // Tuesday 3 March 2026: the class visit; the thank-you draft is due the next morning.
    private static readonly DateTimeOffset Start = new(2026, 3, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset HistoryStart = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_due_linkedin_draft_scored_by_the_prior_is_scored_by_the_newly_deployed_model_at_the_next_run()
    {
        await using var app = await ScoringApp.StartAsync(azurite, Start);
        var owner = ApiApp.NewId("dm");
        await app.CreateOwnerWithKeyAsync(owner);
        var contact = new Contact
        {
            OwnerId = owner, ContactId = "c001", FirstName = "Priya", Position = "Software Engineer",
            Notes = "pricing experiments in subscription apps", Events = [new EventMet("Class visit", new DateOnly(2026, 3, 3))],
        };
        await app.Stores.Contacts.WriteAsync(owner, [contact], CancellationToken.None);
        await app.SaveProfileAsync(owner);
        await app.EnrolAsync(owner, contact);
        var taskId = TaskIds.ForCampaignStep(owner, DefaultCampaigns.ClassVisitFollowUpId, contact.ContactId, "thank-you");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        await RunAsync(app, DispatchDueFunction.FunctionName);
        var prior = (await app.Models.GetDeployedAsync(CancellationToken.None))!.Model;
        var before = (await app.Stores.Tasks.FindAsync(owner, taskId, CancellationToken.None))!;
        Assert.Equal((TaskChannel.LinkedIn, TaskState.Planned, prior.Id), (before.Channel, before.State, before.ScoreModelId));

        // Another owner's closed outcomes: warm contacts reply one time in four, cold ones rarely, so a model is deployed.
        var historyOwner = ApiApp.NewId("dh");
        var history = Enumerable.Range(0, 600).Select(i => HistoryContact(historyOwner, i)).ToList();
        await app.SeedSentHistoryAsync(historyOwner, history, i => HistoryStart.AddDays(i % 5), i => i % 2 == 0 ? i % 8 == 0 : i % 300 == 1);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await RunAsync(app, RetrainModelFunction.FunctionName);
        var deployed = (await app.Models.GetDeployedAsync(CancellationToken.None))!.Model;
        Assert.Equal(ModelOrigin.History, deployed.Origin);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunAsync(app, DispatchDueFunction.FunctionName);

        var after = (await app.Stores.Tasks.FindAsync(owner, taskId, CancellationToken.None))!;
        Assert.Equal((TaskState.Planned, deployed.Id), (after.State, after.ScoreModelId));
        Assert.NotEqual(before.Score, after.Score);
        Assert.NotNull(after.ScoreExplanation);
    }

    private static Contact HistoryContact(string ownerId, int i) => i % 2 == 0
        ? new Contact
        {
            OwnerId = ownerId, ContactId = $"c{i:000}", FirstName = $"c{i:000}", Position = "Analyst",
            Email = $"c{i:000}@example.org", Events = [new EventMet("Class visit", new DateOnly(2026, 1, 2))],
        }
        : new Contact { OwnerId = ownerId, ContactId = $"c{i:000}", FirstName = $"c{i:000}", Email = $"c{i:000}@example.org" };

    private static async Task RunAsync(ScoringApp app, string function)
    {
        using var run = await app.RunTimerAsync(function);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
    }
}
