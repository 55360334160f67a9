using System.Net;
using System.Net.Http.Json;
using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Campaigns;

public sealed class TasksApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly CampaignsApp _app = CampaignsApp.Start(azurite);

    [Fact]
    public async Task Tasks_filter_by_state_channel_and_due_window_in_due_order()
    {
        var (ownerId, owner, email, linkedIn) = await EnrolledOwnerAsync();
        var thankYou = await _app.Stores.Tasks.FindAsync(ownerId, TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, email, "thank-you"), CancellationToken.None);

        using var planned = await owner.GetAsync(new Uri("/api/tasks?state=planned,queued&channel=email", UriKind.Relative));
        using var window = await owner.GetAsync(new Uri($"/api/tasks?dueFrom={Uri.EscapeDataString(thankYou!.DueUtc.ToString("o"))}&dueTo={Uri.EscapeDataString(thankYou.DueUtc.AddDays(1).ToString("o"))}", UriKind.Relative));
        using var linkedInOnly = await owner.GetAsync(new Uri("/api/tasks?channel=linkedin&take=2", UriKind.Relative));
        using var none = await owner.GetAsync(new Uri("/api/tasks?state=sent", UriKind.Relative));

        var emailTasks = (await CampaignsApp.JsonAsync(planned)).GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(["thank-you", "follow-up", "stay-in-touch"], emailTasks.Select(t => t.GetProperty("stepId").GetString()));
        Assert.All(emailTasks, t => Assert.Equal((email, "Ada Contact", "planned", 0.05), (t.GetProperty("contactId").GetString(), t.GetProperty("contactName").GetString(), t.GetProperty("state").GetString(), t.GetProperty("score").GetDouble())));
        Assert.Equal(2, (await CampaignsApp.JsonAsync(window)).GetProperty("tasks").GetArrayLength()); // both thank-yous, same morning
        var drafts = (await CampaignsApp.JsonAsync(linkedInOnly)).GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(2, drafts.Count);
        Assert.All(drafts, t => Assert.Equal(linkedIn, t.GetProperty("contactId").GetString()));
        Assert.Equal(0, (await CampaignsApp.JsonAsync(none)).GetProperty("tasks").GetArrayLength());
    }

    [Fact]
    public async Task Order_by_score_puts_the_highest_predicted_reply_first_with_its_explanation()
    {
        var (ownerId, owner, email, _) = await EnrolledOwnerAsync();
        var stay = await _app.Stores.Tasks.FindAsync(ownerId, TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, email, "stay-in-touch"), CancellationToken.None);
        await _app.Stores.Tasks.TryReplaceAsync(stay! with { Score = 0.31, ScoreExplanation = "met in person recently" }, CancellationToken.None);

        using var response = await owner.GetAsync(new Uri("/api/tasks?order=score", UriKind.Relative));

        var first = (await CampaignsApp.JsonAsync(response)).GetProperty("tasks")[0];
        Assert.Equal(stay.TaskId, first.GetProperty("id").GetString());
        Assert.Equal(0.31, first.GetProperty("score").GetDouble());
        Assert.Equal("met in person recently", first.GetProperty("scoreExplanation").GetString());
    }

    [Theory]
    [InlineData("state=posted", "state")]
    [InlineData("channel=fax", "channel")]
    [InlineData("dueFrom=yesterday", "dueFrom")]
    [InlineData("take=0", "take")]
    [InlineData("order=random", "order")]
    public async Task A_bad_filter_is_refused_naming_it(string query, string target)
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));

        using var response = await owner.GetAsync(new Uri("/api/tasks?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(target, (await CampaignsApp.JsonAsync(response)).GetProperty("target").GetString());
    }

    [Fact]
    public async Task A_planned_linkedin_draft_is_marked_done_once_and_again_harmlessly()
    {
        var (ownerId, owner, _, linkedIn) = await EnrolledOwnerAsync();
        var taskId = TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, linkedIn, "thank-you");

        using var done = await owner.PostAsync(new Uri($"/api/tasks/{taskId}/done", UriKind.Relative), null);
        using var again = await owner.PostAsync(new Uri($"/api/tasks/{taskId}/done", UriKind.Relative), null);

        var body = await CampaignsApp.JsonAsync(done);
        Assert.Equal("done", body.GetProperty("state").GetString());
        Assert.Equal(CampaignsApp.Now, body.GetProperty("sentUtc").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(TaskState.Done, (await _app.Stores.Tasks.FindAsync(ownerId, taskId, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Marking_an_email_task_done_is_refused_naming_the_channel()
    {
        var (ownerId, owner, email, _) = await EnrolledOwnerAsync();
        var taskId = TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, email, "thank-you");

        using var response = await owner.PostAsync(new Uri($"/api/tasks/{taskId}/done", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await CampaignsApp.JsonAsync(response);
        Assert.Equal(("task.not-linkedin", "channel"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
    }

    [Fact]
    public async Task Marking_a_skipped_linkedin_draft_done_is_a_conflict_naming_its_state()
    {
        var (ownerId, owner, _, linkedIn) = await EnrolledOwnerAsync();
        var taskId = TaskIds.ForCampaignStep(ownerId, DefaultCampaigns.ClassVisitFollowUpId, linkedIn, "follow-up");
        var task = await _app.Stores.Tasks.FindAsync(ownerId, taskId, CancellationToken.None);
        await _app.Stores.Tasks.TryReplaceAsync(task!.MoveTo(TaskState.Skipped, "replied"), CancellationToken.None);

        using var response = await owner.PostAsync(new Uri($"/api/tasks/{taskId}/done", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await CampaignsApp.JsonAsync(response);
        Assert.Equal("task.invalid-transition", problem.GetProperty("code").GetString());
        Assert.Contains("is skipped", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();

    private async Task<(string OwnerId, HttpClient Owner, string Email, string LinkedIn)> EnrolledOwnerAsync()
    {
        var ownerId = ApiApp.NewId("o");
        var owner = await _app.OwnerAsync(ownerId);
        var email = await _app.AddContactAsync(ownerId, "Ada");
        var linkedIn = await _app.AddContactAsync(ownerId, "Bo", withEmail: false);
        using var enrol = await owner.PostAsJsonAsync("/api/campaigns/class-visit-follow-up/enrolments", new { contactIds = new[] { email, linkedIn } });
        Assert.Equal(6, (await CampaignsApp.JsonAsync(enrol)).GetProperty("planned").GetInt32());
        return (ownerId, owner, email, linkedIn);
    }
}
