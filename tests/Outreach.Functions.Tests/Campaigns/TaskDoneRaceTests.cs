using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Dispatching;
using Outreach.Functions.Tests.Support;
using Outreach.Storage.Stores;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Campaigns;

/// <summary>
/// <c>POST /api/tasks/{id}/done</c> when another writer changes the draft between the handler's read and its
/// conditional write (the dispatcher storing the draft's score, a reply skipping it): the task store's seam stores that
/// change just before the handler's replace, on real Azurite.
/// </summary>
public sealed class TaskDoneRaceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly CampaignsApp _app = CampaignsApp.Start(
        azurite,
        services =>
        {
            services.AddSingleton(sp => new CountingTaskStore(sp.GetRequiredService<TableStores>().Tasks));
            services.AddSingleton<ITaskStore>(sp => sp.GetRequiredService<CountingTaskStore>());
        });

    private CountingTaskStore Tasks => _app.Services.GetRequiredService<CountingTaskStore>();

    [Fact]
    public async Task A_draft_marked_done_while_the_dispatcher_stores_its_score_is_done_and_keeps_the_score()
    {
        var (ownerId, owner, taskId) = await LinkedInDraftAsync();
        Tasks.ChangeBeforeNextReplace(taskId, t => t with { Score = 0.31, ScoreExplanation = "met 1 day ago", ScoreModelId = "m1", ScoredForUtc = t.DueUtc });

        using var done = await owner.PostAsync(new Uri($"/api/tasks/{taskId}/done", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("done", (await CampaignsApp.JsonAsync(done)).GetProperty("state").GetString());
        var stored = await _app.Stores.Tasks.FindAsync(ownerId, taskId, CancellationToken.None);
        Assert.Equal((TaskState.Done, 0.31, CampaignsApp.Now), (stored!.State, stored.Score!.Value, stored.SentUtc!.Value));
    }

    [Fact]
    public async Task A_draft_skipped_by_a_reply_while_it_is_marked_done_is_a_conflict_naming_its_state()
    {
        var (ownerId, owner, taskId) = await LinkedInDraftAsync();
        Tasks.ChangeBeforeNextReplace(taskId, t => t.MoveTo(TaskState.Skipped, SkipReasons.Replied));

        using var done = await owner.PostAsync(new Uri($"/api/tasks/{taskId}/done", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, done.StatusCode);
        var problem = await CampaignsApp.JsonAsync(done);
        Assert.Equal(("task.invalid-transition", "state"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Contains("is skipped", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var stored = await _app.Stores.Tasks.FindAsync(ownerId, taskId, CancellationToken.None);
        Assert.Equal((TaskState.Skipped, SkipReasons.Replied), (stored!.State, stored.SkipReason));
    }

    public void Dispose() => _app.Dispose();

    private async Task<(string OwnerId, HttpClient Owner, string TaskId)> LinkedInDraftAsync()
    {
        var ownerId = ApiApp.NewId("o");
        var owner = await _app.OwnerAsync(ownerId);
        var contactId = await _app.AddContactAsync(ownerId, "Bo", withEmail: false);
        using var enrol = await owner.PostAsJsonAsync("/api/campaigns/class-visit-follow-up/enrolments", new { contactIds = new[] { contactId } });
        enrol.EnsureSuccessStatusCode();
        return (ownerId, owner, TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, contactId, "thank-you"));
    }
}
