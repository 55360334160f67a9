using System.Net;
using Outreach.Core.Accounts;
using Outreach.Functions.Tests.Campaigns;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Isolation.Probe;

namespace Outreach.Functions.Tests.Isolation;

/// <summary>A coach reaches only the clients who consented to them; clients never reach each other.</summary>
public sealed class CoachIsolationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string Owner = "owner={owner}";
    private const string FiledAs = """{ "cohort": "Taken" }""";

    /// <summary>The main owner-scoped routes, naming the owner whose data they read by <c>?owner=</c>.</summary>
    private static readonly Probe[] MainRoutes =
    [
        Get($"/api/contacts?{Owner}"),
        Get($"/api/contacts/{{contact}}?{Owner}"),
        Get($"/api/tasks?{Owner}"),
        Get($"/api/tasks/{{task}}/draft?{Owner}"),
        Get($"/api/metrics?{SeededOwner.MetricsWindow}&{Owner}"),
        Get($"/api/imports?{Owner}"),
        Get($"/api/imports/{{import}}?{Owner}"),
        Get($"/api/imports/{{import}}/rejected?{Owner}"),
        Get($"/api/imports/{{import}}/rows?{Owner}"),
        Get($"/api/campaigns/{{campaign}}?{Owner}"),
        Get($"/api/introductions/{{intro}}?{Owner}"),
        Get($"/api/outcomes?{Owner}"),
        Get($"/api/history?format=csv&{Owner}"),
        Get($"/api/account?{Owner}"),
    ];

    private readonly CampaignsApp _app = CampaignsApp.Start(azurite, ("Limits:RequestsPerMinute", "10000"));

    [Fact]
    public async Task A_coach_reads_the_consenting_clients_data_and_gets_the_missing_answer_for_the_other_client()
    {
        var (coachId, otherCoachId) = (ApiApp.NewId("coach"), ApiApp.NewId("other"));
        using var coach = await _app.OwnerAsync(coachId, AccountKind.Coach, withProfile: false);
        using var otherCoach = await _app.OwnerAsync(otherCoachId, AccountKind.Coach, withProfile: false);
        using var consenting = await SeededOwner.CreateAsync(_app, ApiApp.NewId("p"), coachId, ["Priya Patel", "Pedro Pascal", "Petra Pohl"], "Proseware");
        using var other = await SeededOwner.CreateAsync(_app, ApiApp.NewId("q"), otherCoachId, ["Quentin Quayle", "Quinn Quarry", "Qadir Qureshi"], "Quantum");
        var walker = new IsolationWalker(coach, other.Ids, other.Markers);

        // What the coach reads for the consenting client is exactly what the client reads for themselves.
        var reached = new List<(string Path, HttpStatusCode Status, string Body, string OwnBody)>();
        foreach (var probe in MainRoutes)
        {
            var path = new Uri(IsolationWalker.Fill(probe.Path, consenting.Ids), UriKind.Relative);
            using var response = await coach.GetAsync(path);
            using var own = await consenting.Client.GetAsync(path);
            reached.Add((path.ToString(), response.StatusCode, await response.Content.ReadAsStringAsync(), await own.Content.ReadAsStringAsync()));
        }

        var leaks = new List<string>();
        foreach (var probe in MainRoutes.Append(Delete($"/api/contacts/{{contact}}?{Owner}")).Append(Put("/api/coach/clients/{owner}/cohort", FiledAs)))
        {
            if (await walker.FindLeakAsync("coach", probe) is { } leak)
            {
                leaks.Add(leak);
            }
        }

        Assert.All(reached, read => Assert.Equal(HttpStatusCode.OK, read.Status));
        Assert.All(reached, read => Assert.DoesNotContain(other.Markers, marker => read.Body.Contains(marker, StringComparison.Ordinal)));
        Assert.All(reached, read => Assert.Equal(WithoutConsentUrl(read.OwnBody), read.Body)); // B's consent link is the owner's alone
        Assert.All(["Priya Patel", "Pedro Pascal", "Petra Pohl"], name => Assert.Contains(name, reached[0].Body, StringComparison.Ordinal));
        var import = Assert.Single((await SeededOwner.GetJsonAsync(coach, $"/api/imports?owner={consenting.OwnerId}")).GetProperty("imports").EnumerateArray());
        Assert.Equal(consenting.Ids["import"], import.GetProperty("id").GetString());
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
        var clients = (await SeededOwner.GetJsonAsync(coach, "/api/coach/clients")).EnumerateArray().Select(c => c.GetProperty("clientId").GetString());
        Assert.Equal([consenting.OwnerId], clients);
    }

    [Fact]
    public async Task A_read_only_consent_lets_the_coach_change_nothing()
    {
        var coachId = ApiApp.NewId("coach");
        using var coach = await _app.OwnerAsync(coachId, AccountKind.Coach, withProfile: false);
        using var client = await SeededOwner.CreateAsync(_app, ApiApp.NewId("p"), coachId);
        var before = await client.SnapshotAsync();
        var ids = client.Ids;

        using var erase = await coach.DeleteAsync(new Uri($"/api/contacts/{ids["contact"]}?owner={client.OwnerId}", UriKind.Relative));
        using var delete = await coach.DeleteAsync(new Uri($"/api/campaigns/{ids["campaign"]}?owner={client.OwnerId}", UriKind.Relative));
        using var done = await coach.PostAsync(new Uri($"/api/tasks/{ids["linkedinTask"]}/done?owner={client.OwnerId}", UriKind.Relative), null);
        using var requeue = await coach.PostAsync(new Uri($"/api/tasks/{ids["task"]}/requeue?owner={client.OwnerId}", UriKind.Relative), null);
        using var skip = await coach.PostAsync(new Uri($"/api/tasks/{ids["task"]}/skip?owner={client.OwnerId}", UriKind.Relative), null);
        using var smtp = await coach.PutAsync(
            new Uri($"/api/sender/smtp?owner={client.OwnerId}", UriKind.Relative),
            new StringContent("""{ "host": "smtp.coach.example", "port": 587, "userName": "coach", "password": "x" }""", System.Text.Encoding.UTF8, "application/json"));
        using var noSmtp = await coach.DeleteAsync(new Uri($"/api/sender/smtp?owner={client.OwnerId}", UriKind.Relative));
        using var retry = await coach.PostAsync(new Uri($"/api/imports/{ids["import"]}/retry?owner={client.OwnerId}", UriKind.Relative), null);
        using var missing = await coach.DeleteAsync(new Uri($"/api/contacts/{IsolationWalker.Twin(ids["contact"])}?owner={client.OwnerId}", UriKind.Relative));

        await NotFoundAssert.AllSameAsync(missing, erase, delete, done, requeue, skip, smtp, noSmtp, retry);
        Assert.Equal(before, await client.SnapshotAsync());
    }

    [Fact]
    public async Task Two_clients_of_one_coach_never_reach_each_others_data()
    {
        var coachId = ApiApp.NewId("coach");
        using var coach = await _app.OwnerAsync(coachId, AccountKind.Coach, withProfile: false);
        using var first = await SeededOwner.CreateAsync(_app, ApiApp.NewId("p"), coachId, ["Priya Patel", "Pedro Pascal", "Petra Pohl"], "Proseware");
        using var second = await SeededOwner.CreateAsync(_app, ApiApp.NewId("q"), coachId, ["Quentin Quayle", "Quinn Quarry", "Qadir Qureshi"], "Quantum");

        var leaks = new List<string>();
        foreach (var (caller, target) in new[] { (first, second), (second, first) })
        {
            var walker = new IsolationWalker(caller.Client, target.Ids, target.Markers);
            foreach (var probe in MainRoutes.Append(Get($"/api/coach/clients?{Owner}")).Append(Get("/api/contacts/{contact}")).Append(Put("/api/coach/clients/{owner}/cohort", FiledAs)))
            {
                if (await walker.FindLeakAsync(caller.OwnerId, probe) is { } leak)
                {
                    leaks.Add(leak);
                }
            }
        }

        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
        var bothClients = (await SeededOwner.GetJsonAsync(coach, "/api/coach/clients")).EnumerateArray().Select(c => c.GetProperty("clientId").GetString()).Order();
        Assert.Equal(new[] { first.OwnerId, second.OwnerId }.Order(), bothClients);
    }

    public void Dispose() => _app.Dispose();

    private static string WithoutConsentUrl(string body)
    {
        const string Link = "\"consentUrl\":\"";
        var start = body.IndexOf(Link, StringComparison.Ordinal);
        return start < 0 ? body : string.Concat(body.AsSpan(0, start), "\"consentUrl\":null", body.AsSpan(body.IndexOf('"', start + Link.Length) + 1));
    }
}
