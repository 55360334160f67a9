using System.Net;
using System.Net.Http.Json;
using System.Text;
using Outreach.Core.Accounts;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Campaigns;

public sealed class CampaignsApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string TwoSteps = """
        { "id": "alumni", "name": "Alumni coffee", "steps": [
            { "stepId": "hello", "template": "thank_you", "delay": { "amount": 1, "unit": "businessDays" } },
            { "stepId": "again", "template": "follow_up", "channel": "emailOnly", "delay": { "amount": 5, "unit": "calendarDays" }, "sendAt": "10:30" } ] }
        """;

    private readonly CampaignsApp _app = CampaignsApp.Start(azurite);

    [Fact]
    public async Task A_new_owner_sees_both_default_campaigns_read_only()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));

        using var list = await owner.GetAsync(new Uri("/api/campaigns", UriKind.Relative));

        var campaigns = (await CampaignsApp.JsonAsync(list)).GetProperty("campaigns").EnumerateArray().ToList();
        Assert.Equal(["class-visit-follow-up", "pay-it-forward-introduction"], campaigns.Select(c => c.GetProperty("id").GetString()));
        Assert.All(campaigns, c => Assert.True(c.GetProperty("isDefault").GetBoolean() && c.GetProperty("readOnly").GetBoolean()));
        Assert.Equal([false, true], campaigns.Select(c => c.GetProperty("forIntroductions").GetBoolean())); // the upload form offers only the first
        Assert.Equal(["thank-you", "follow-up", "stay-in-touch"], campaigns[0].GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("stepId").GetString()));
        Assert.Equal(["thank_you", "follow_up", "give_first"], campaigns[0].GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("template").GetString()));
    }

    [Fact]
    public async Task An_owner_creates_reads_changes_and_deletes_their_campaign()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));

        using var created = await owner.PostAsync(new Uri("/api/campaigns", UriKind.Relative), Json(TwoSteps));
        using var read = await owner.GetAsync(new Uri("/api/campaigns/alumni", UriKind.Relative));
        using var changed = await owner.PutAsync(new Uri("/api/campaigns/alumni", UriKind.Relative), Json(TwoSteps.Replace("Alumni coffee", "Alumni lunch", StringComparison.Ordinal)));
        using var deleted = await owner.DeleteAsync(new Uri("/api/campaigns/alumni", UriKind.Relative));
        using var gone = await owner.GetAsync(new Uri("/api/campaigns/alumni", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/campaigns/alumni", created.Headers.Location?.OriginalString);
        var campaign = await CampaignsApp.JsonAsync(read);
        Assert.Equal("Alumni coffee", campaign.GetProperty("name").GetString());
        Assert.False(campaign.GetProperty("readOnly").GetBoolean());
        var second = campaign.GetProperty("steps")[1];
        Assert.Equal("follow_up", second.GetProperty("template").GetString());
        Assert.Equal("emailOnly", second.GetProperty("channel").GetString());
        Assert.Equal("calendarDays", second.GetProperty("delay").GetProperty("unit").GetString());
        Assert.Equal("10:30", second.GetProperty("sendAt").GetString());
        Assert.Equal("onlyIfNoReply", second.GetProperty("condition").GetString());
        Assert.Equal("Alumni lunch", (await CampaignsApp.JsonAsync(changed)).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("\"template\": \"thank_you\"", "\"template\": \"thanks\"", "steps[0].template")]
    [InlineData("\"amount\": 5", "\"amount\": -2", "steps[1].delay")]
    [InlineData("\"amount\": 5", "\"amount\": 3000000", "steps[1].delay")]
    [InlineData("\"unit\": \"calendarDays\"", "\"unit\": \"weeks\"", "steps[1].delay.unit")]
    [InlineData("\"stepId\": \"again\"", "\"stepId\": \"hello\"", "steps[1].stepId")]
    [InlineData("\"channel\": \"emailOnly\"", "\"channel\": \"fax\"", "steps[1].channel")]
    [InlineData("\"sendAt\": \"10:30\"", "\"sendAt\": \"25:00\"", "steps[1].sendAt")]
    [InlineData("\"name\": \"Alumni coffee\"", "\"name\": \" \"", "name")]
    [InlineData("\"id\": \"alumni\"", "\"id\": \"a/b\"", "id")]
    public async Task An_invalid_campaign_is_refused_naming_the_step_field(string valid, string invalid, string target)
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));

        using var response = await owner.PostAsync(new Uri("/api/campaigns", UriKind.Relative), Json(TwoSteps.Replace(valid, invalid, StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(target, (await CampaignsApp.JsonAsync(response)).GetProperty("target").GetString());
    }

    [Fact]
    public async Task Default_campaigns_cannot_be_created_over_changed_or_deleted()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));
        var body = TwoSteps.Replace("\"alumni\"", "\"class-visit-follow-up\"", StringComparison.Ordinal);

        using var created = await owner.PostAsync(new Uri("/api/campaigns", UriKind.Relative), Json(body));
        using var changed = await owner.PutAsync(new Uri("/api/campaigns/class-visit-follow-up", UriKind.Relative), Json(body));
        using var deleted = await owner.DeleteAsync(new Uri("/api/campaigns/pay-it-forward-introduction", UriKind.Relative));

        foreach (var response in new[] { created, changed, deleted })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("campaign.read-only", (await CampaignsApp.JsonAsync(response)).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Creating_an_existing_id_is_a_conflict()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));
        using var first = await owner.PostAsync(new Uri("/api/campaigns", UriKind.Relative), Json(TwoSteps));

        using var second = await owner.PostAsync(new Uri("/api/campaigns", UriKind.Relative), Json(TwoSteps));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("campaign.exists", (await CampaignsApp.JsonAsync(second)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_coachs_campaign_shared_with_a_consenting_client_is_readable_and_usable_by_them_but_not_editable()
    {
        var (coachId, clientId) = (ApiApp.NewId("coach"), ApiApp.NewId("client"));
        using var coach = await _app.OwnerAsync(coachId, AccountKind.Coach);
        using var client = await _app.OwnerAsync(clientId);
        await CampaignsApp.GrantConsentAsync(client, coachId, "read");
        var contactId = await _app.AddContactAsync(clientId, "Ada");

        using var shared = await coach.PostAsync(new Uri("/api/campaigns", UriKind.Relative), Json(TwoSteps.Replace("\"name\"", $"\"sharedWith\": [\"{clientId}\"], \"name\"", StringComparison.Ordinal)));
        using var list = await client.GetAsync(new Uri("/api/campaigns", UriKind.Relative));
        using var read = await client.GetAsync(new Uri("/api/campaigns/alumni", UriKind.Relative));
        using var edit = await client.PutAsync(new Uri("/api/campaigns/alumni", UriKind.Relative), Json(TwoSteps));
        using var delete = await client.DeleteAsync(new Uri("/api/campaigns/alumni", UriKind.Relative));
        using var enrol = await client.PostAsJsonAsync("/api/campaigns/alumni/enrolments", new { contactIds = new[] { contactId } });
        using var coachView = await coach.GetAsync(new Uri("/api/campaigns/alumni", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        Assert.Equal("coach", (await CampaignsApp.JsonAsync(shared)).GetProperty("ownerKind").GetString());
        var listed = (await CampaignsApp.JsonAsync(list)).GetProperty("campaigns").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "alumni");
        Assert.Equal(coachId, listed.GetProperty("ownerId").GetString());
        Assert.True(listed.GetProperty("readOnly").GetBoolean());
        Assert.Empty(listed.GetProperty("sharedWith").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal(2, (await CampaignsApp.JsonAsync(enrol)).GetProperty("planned").GetInt32());
        Assert.Equal([clientId], (await CampaignsApp.JsonAsync(coachView)).GetProperty("sharedWith").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_shared_campaign_disappears_for_the_client_once_consent_is_withdrawn()
    {
        var (coachId, clientId) = (ApiApp.NewId("coach"), ApiApp.NewId("client"));
        using var coach = await _app.OwnerAsync(coachId, AccountKind.Coach);
        using var client = await _app.OwnerAsync(clientId);
        await CampaignsApp.GrantConsentAsync(client, coachId, "read");
        using var shared = await coach.PostAsync(new Uri("/api/campaigns", UriKind.Relative), Json(TwoSteps.Replace("\"name\"", $"\"sharedWith\": [\"{clientId}\"], \"name\"", StringComparison.Ordinal)));

        using var revoke = await client.DeleteAsync(new Uri($"/api/consents/{coachId}", UriKind.Relative));
        using var read = await client.GetAsync(new Uri("/api/campaigns/alumni", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Sharing_with_someone_who_gave_no_consent_is_refused_naming_the_entry()
    {
        var coachId = ApiApp.NewId("coach");
        using var coach = await _app.OwnerAsync(coachId, AccountKind.Coach);
        var stranger = ApiApp.NewId("stranger");
        await _app.OwnerAsync(stranger);

        using var response = await coach.PostAsync(new Uri("/api/campaigns", UriKind.Relative), Json(TwoSteps.Replace("\"name\"", $"\"sharedWith\": [\"{stranger}\"], \"name\"", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("sharedWith[0]", (await CampaignsApp.JsonAsync(response)).GetProperty("target").GetString());
    }

    [Fact]
    public async Task A_students_campaign_cannot_be_shared()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));

        using var response = await owner.PostAsync(new Uri("/api/campaigns", UriKind.Relative), Json(TwoSteps.Replace("\"name\"", "\"sharedWith\": [\"someone\"], \"name\"", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("sharedWith", (await CampaignsApp.JsonAsync(response)).GetProperty("target").GetString());
    }

    [Fact]
    public async Task Enrolling_twice_reports_already_planned_and_creates_nothing()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);
        var withEmail = await _app.AddContactAsync(ownerId, "Ada");
        var linkedInOnly = await _app.AddContactAsync(ownerId, "Bo", withEmail: false);
        var body = new { contactIds = new[] { withEmail, linkedInOnly, withEmail, "ct-nobody" } };

        using var first = await owner.PostAsJsonAsync("/api/campaigns/class-visit-follow-up/enrolments", body);
        using var second = await owner.PostAsJsonAsync("/api/campaigns/class-visit-follow-up/enrolments", body);
        using var tasks = await owner.GetAsync(new Uri("/api/tasks", UriKind.Relative));

        var one = await CampaignsApp.JsonAsync(first);
        Assert.Equal(6, one.GetProperty("planned").GetInt32());
        Assert.Equal(0, one.GetProperty("alreadyPlanned").GetInt32());
        var skipped = one.GetProperty("skipped").EnumerateArray().Single();
        Assert.Equal(("ct-nobody", "unknown-contact"), (skipped.GetProperty("contactId").GetString(), skipped.GetProperty("reason").GetString()));
        var two = await CampaignsApp.JsonAsync(second);
        Assert.Equal(0, two.GetProperty("planned").GetInt32());
        Assert.Equal(6, two.GetProperty("alreadyPlanned").GetInt32());
        var listed = (await CampaignsApp.JsonAsync(tasks)).GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(6, listed.Count);
        Assert.Equal(3, listed.Count(t => t.GetProperty("channel").GetString() == "linkedin" && t.GetProperty("contactId").GetString() == linkedInOnly));
    }

    [Fact]
    public async Task Enrolling_into_an_email_only_step_skips_a_contact_without_email_naming_contact_step_and_reason()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);
        var noEmail = await _app.AddContactAsync(ownerId, "Bo", withEmail: false);
        using var created = await owner.PostAsync(new Uri("/api/campaigns", UriKind.Relative), Json(TwoSteps));

        using var enrol = await owner.PostAsJsonAsync("/api/campaigns/alumni/enrolments", new { contactIds = new[] { noEmail } });

        var result = await CampaignsApp.JsonAsync(enrol);
        Assert.Equal(1, result.GetProperty("planned").GetInt32());
        var skipped = result.GetProperty("skipped").EnumerateArray().Single();
        Assert.Equal((noEmail, "again", "no-email"), (skipped.GetProperty("contactId").GetString(), skipped.GetProperty("stepId").GetString(), skipped.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Enrolling_before_the_sender_profile_exists_is_refused()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId, withProfile: false);
        var contact = await _app.AddContactAsync(ownerId, "Ada");

        using var enrol = await owner.PostAsJsonAsync("/api/campaigns/class-visit-follow-up/enrolments", new { contactIds = new[] { contact } });

        Assert.Equal(HttpStatusCode.BadRequest, enrol.StatusCode);
        Assert.Equal("enrolment.no-sender-profile", (await CampaignsApp.JsonAsync(enrol)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Enrolling_into_the_introduction_campaign_is_refused()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);
        var contact = await _app.AddContactAsync(ownerId, "Ada");

        using var enrol = await owner.PostAsJsonAsync("/api/campaigns/pay-it-forward-introduction/enrolments", new { contactIds = new[] { contact } });

        Assert.Equal(HttpStatusCode.BadRequest, enrol.StatusCode);
        Assert.Equal("campaign.introduction-flow", (await CampaignsApp.JsonAsync(enrol)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Enrolling_nobody_is_refused_naming_contact_ids()
    {
        using var owner = await _app.OwnerAsync(ApiApp.NewId("o"));

        using var enrol = await owner.PostAsJsonAsync("/api/campaigns/class-visit-follow-up/enrolments", new { contactIds = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.BadRequest, enrol.StatusCode);
        Assert.Equal("contactIds", (await CampaignsApp.JsonAsync(enrol)).GetProperty("target").GetString());
    }

    [Fact]
    public async Task Deleting_a_campaign_skips_the_steps_it_had_planned_so_none_is_sent()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);
        var contact = await _app.AddContactAsync(ownerId, "Ada");
        using var created = await owner.PostAsync(new Uri("/api/campaigns", UriKind.Relative), Json(TwoSteps));
        using var enrolled = await owner.PostAsJsonAsync("/api/campaigns/alumni/enrolments", new { contactIds = new[] { contact } });
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);

        using var deleted = await owner.DeleteAsync(new Uri("/api/campaigns/alumni", UriKind.Relative));
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 14, 9, 1, 0, TimeSpan.Zero)); // the thank-you was due Wednesday 09:00
        using var dispatch = await _app.RunTimerAsync("DispatchDue");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.OK), (deleted.StatusCode, dispatch.StatusCode));
        foreach (var step in new[] { "hello", "again" })
        {
            var task = await _app.Stores.Tasks.FindAsync(ownerId, TaskIds.ForCampaignStep(ownerId, "alumni", contact, step), CancellationToken.None);
            Assert.Equal((TaskState.Skipped, SkipReasons.CampaignDeleted), (task!.State, task.SkipReason));
        }
    }

    [Fact]
    public async Task Saving_a_campaign_without_a_step_skips_that_step_for_enrolled_contacts_and_keeps_the_others()
    {
        const string helloOnly = """
            { "name": "Alumni coffee", "steps": [
                { "stepId": "hello", "template": "thank_you", "delay": { "amount": 1, "unit": "businessDays" } } ] }
            """;
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);
        var contact = await _app.AddContactAsync(ownerId, "Ada");
        using var created = await owner.PostAsync(new Uri("/api/campaigns", UriKind.Relative), Json(TwoSteps));
        using var enrolled = await owner.PostAsJsonAsync("/api/campaigns/alumni/enrolments", new { contactIds = new[] { contact } });

        using var changed = await owner.PutAsync(new Uri("/api/campaigns/alumni", UriKind.Relative), Json(helloOnly));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var again = await _app.Stores.Tasks.FindAsync(ownerId, TaskIds.ForCampaignStep(ownerId, "alumni", contact, "again"), CancellationToken.None);
        var hello = await _app.Stores.Tasks.FindAsync(ownerId, TaskIds.ForCampaignStep(ownerId, "alumni", contact, "hello"), CancellationToken.None);
        Assert.Equal((TaskState.Skipped, SkipReasons.StepRemoved), (again!.State, again.SkipReason));
        Assert.Equal(TaskState.Planned, hello!.State);
    }

    public void Dispose() => _app.Dispose();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
