using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Outreach.Core.Accounts;
using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Campaigns;

public sealed class CampaignOwnershipTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly CampaignsApp _app = CampaignsApp.Start(azurite);

    [Fact]
    public async Task Every_route_answers_another_owners_resources_exactly_as_missing_ones()
    {
        using var victim = await Introducer.CreateAsync(_app);
        var linkedIn = await _app.AddContactAsync(victim.OwnerId, "Lin", withEmail: false);
        using var created = await victim.Client.PostAsync(new Uri("/api/campaigns", UriKind.Relative), new StringContent(
            """{ "id": "mine", "name": "Mine", "steps": [ { "stepId": "s", "template": "thank_you", "delay": { "amount": 1, "unit": "businessDays" } } ] }""",
            Encoding.UTF8,
            "application/json"));
        using var enrolled = await victim.Client.PostAsJsonAsync("/api/campaigns/mine/enrolments", new { contactIds = new[] { linkedIn } });
        var introductionId = await victim.IntroduceIdAsync();
        var taskId = TaskIds.ForCampaignStep(victim.OwnerId, "mine", linkedIn, "s");
        using var attacker = await _app.OwnerAsync(ApiApp.NewId("x"));
        var owner = $"?owner={victim.OwnerId}";

        var probes = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"/api/campaigns/mine", null),
            (HttpMethod.Put, $"/api/campaigns/mine", new { name = "Taken", steps = Array.Empty<object>() }),
            (HttpMethod.Delete, $"/api/campaigns/mine", null),
            (HttpMethod.Post, $"/api/campaigns/mine/enrolments", new { contactIds = new[] { linkedIn } }),
            (HttpMethod.Post, $"/api/tasks/{taskId}/done", null),
            (HttpMethod.Get, $"/api/introductions/{introductionId}", null),
            (HttpMethod.Post, $"/api/introductions/{introductionId}/answer", new { answer = "yes" }),
            (HttpMethod.Get, $"/api/campaigns{owner}", null),
            (HttpMethod.Post, $"/api/campaigns{owner}", new { name = "Planted", steps = Array.Empty<object>() }),
            (HttpMethod.Get, $"/api/tasks{owner}", null),
            (HttpMethod.Get, $"/api/sender{owner}", null),
            (HttpMethod.Put, $"/api/sender{owner}", new { email = "evil@example.org", timeZone = "Europe/London" }),
            (HttpMethod.Get, $"/api/introductions{owner}", null),
            (HttpMethod.Post, $"/api/introductions{owner}", new { personAContactId = victim.A, personBContactId = victim.B, personAConsented = true, reason = "r" }),
        };

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, (await CampaignsApp.JsonAsync(enrolled)).GetProperty("planned").GetInt32());
        foreach (var (method, path, body) in probes)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await attacker.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {(int)response.StatusCode}");
            Assert.Equal("There is no such resource.", (await CampaignsApp.JsonAsync(response)).GetProperty("detail").GetString());
        }

        Assert.Equal("awaiting_consent", (await victim.GetAsync(introductionId)).GetProperty("state").GetString());
        Assert.Equal(TaskState.Planned, (await _app.Stores.Tasks.FindAsync(victim.OwnerId, taskId, CancellationToken.None))!.State);
        Assert.Equal("Mine", (await _app.Stores.Campaigns.GetAsync(victim.OwnerId, "mine", CancellationToken.None))!.Name);
        Assert.Equal("sam@school.example", (await _app.Stores.Senders.GetAsync(victim.OwnerId, CancellationToken.None))!.Email);
        Assert.Equal(DefaultCampaigns.ClassVisitFollowUpId, (await _app.Stores.Campaigns.ListAsync(victim.OwnerId, CancellationToken.None))[0].CampaignId);
    }

    [Fact]
    public async Task A_consenting_clients_coach_works_on_the_clients_campaigns_and_tasks()
    {
        var coachId = ApiApp.NewId("coach");
        using var coach = await _app.OwnerAsync(coachId, Core.Accounts.AccountKind.Coach);
        using var client = await Introducer.CreateAsync(_app);
        await CampaignsApp.GrantConsentAsync(client.Client, coachId, "read", "write", "send");

        using var enrol = await coach.PostAsJsonAsync($"/api/campaigns/class-visit-follow-up/enrolments?owner={client.OwnerId}", new { contactIds = new[] { client.A } });
        using var tasks = await coach.GetAsync(new Uri($"/api/tasks?owner={client.OwnerId}", UriKind.Relative));

        Assert.Equal(3, (await CampaignsApp.JsonAsync(enrol)).GetProperty("planned").GetInt32());
        Assert.Equal(3, (await CampaignsApp.JsonAsync(tasks)).GetProperty("tasks").GetArrayLength());
    }

    [Fact]
    public async Task A_coach_whose_client_consented_to_read_and_write_but_not_send_plans_no_mail_from_the_clients_mailbox()
    {
        var coachId = ApiApp.NewId("coach");
        using var coach = await _app.OwnerAsync(coachId, AccountKind.Coach, withProfile: false);
        using var client = await Introducer.CreateAsync(_app);
        await CampaignsApp.GrantConsentAsync(client.Client, coachId, "read", "write");
        var owner = $"?owner={client.OwnerId}";

        using var enrol = await coach.PostAsJsonAsync($"/api/campaigns/{DefaultCampaigns.ClassVisitFollowUpId}/enrolments{owner}", new { contactIds = new[] { client.A } });
        using var import = await ImportFiles.PostCsvAsync(coach, ImportFiles.Sample("class-visit.csv"), $"{owner}&campaign={DefaultCampaigns.ClassVisitFollowUpId}");
        using var introduce = await coach.PostAsJsonAsync($"/api/introductions{owner}", new { personAContactId = client.A, personBContactId = client.B, personAConsented = true, reason = "pricing" });
        using var importOnly = await ImportFiles.PostCsvAsync(coach, ImportFiles.Sample("class-visit.csv"), owner);

        Assert.Equal(HttpStatusCode.NotFound, enrol.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, import.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, introduce.StatusCode);
        Assert.Equal(HttpStatusCode.OK, importOnly.StatusCode); // write alone still imports
        Assert.Empty(await client.TasksAsync());
    }

    [Fact]
    public async Task A_key_without_the_send_scope_is_refused_naming_it_wherever_mail_would_be_planned()
    {
        using var owner = await Introducer.CreateAsync(_app);
        var introductionId = await owner.IntroduceIdAsync();
        var readWrite = await _app.Accounts.IssueKeyAsync(owner.OwnerId, ApiScopes.Read | ApiScopes.Write, "no-send", CancellationToken.None);
        using var noSend = _app.HostClient();
        noSend.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", readWrite.PlainText);
        var before = (await owner.TasksAsync()).Count;

        var refused = new[]
        {
            await noSend.PostAsJsonAsync($"/api/campaigns/{DefaultCampaigns.ClassVisitFollowUpId}/enrolments", new { contactIds = new[] { owner.A } }),
            await ImportFiles.PostCsvAsync(noSend, ImportFiles.Sample("class-visit.csv"), $"?campaign={DefaultCampaigns.ClassVisitFollowUpId}"),
            await noSend.PostAsJsonAsync("/api/introductions", new { personAContactId = owner.A, personBContactId = owner.B, personAConsented = true, reason = "pricing" }),
            await noSend.PostAsJsonAsync($"/api/introductions/{introductionId}/answer", new { answer = "yes" }),
        };
        using var importOnly = await ImportFiles.PostCsvAsync(noSend, ImportFiles.Sample("class-visit.csv"));

        foreach (var response in refused)
        {
            using (response)
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(["send"], (await CampaignsApp.JsonAsync(response)).GetProperty("missingScopes").EnumerateArray().Select(s => s.GetString()));
            }
        }

        Assert.Equal(HttpStatusCode.OK, importOnly.StatusCode);
        Assert.Equal(before, (await owner.TasksAsync()).Count);
        Assert.Equal("awaiting_consent", (await owner.GetAsync(introductionId)).GetProperty("state").GetString());
    }

    public void Dispose() => _app.Dispose();
}
