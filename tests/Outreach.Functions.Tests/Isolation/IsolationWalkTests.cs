using System.Net;
using Outreach.Functions.Tests.Campaigns;
using Outreach.Functions.Tests.Imports;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Isolation;

/// <summary>Owner A walks every HTTP function against owner B's data on the real handler and Azurite, and learns nothing.</summary>
public sealed class IsolationWalkTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    // The walk sends about a hundred requests with one key within a second; the per-key rate limit is not under test here.
    private readonly CampaignsApp _app = CampaignsApp.Start(azurite, ("Limits:RequestsPerMinute", "10000"));

    [Fact]
    public void The_walk_covers_every_shipped_http_function_and_nothing_else()
    {
        var covered = IsolationWalk.Cases.Select(c => c.Function).ToList();
        var shipped = HttpFunctionCatalog.FromFunctionJson();

        Assert.Equal(covered.Count, covered.Distinct().Count());
        Assert.Equal(shipped.Order(), HttpFunctionCatalog.FromEndpoints(_app.Services).Order());
        Assert.Equal(shipped.Order(), covered.Order());
        Assert.All(IsolationWalk.Cases, c => Assert.True(c.Probes.Count > 0 ^ c.AnonymousBecause is not null, c.Function));
    }

    [Fact]
    public async Task Another_owner_gets_exactly_the_missing_answer_from_every_function_and_changes_nothing()
    {
        var coachId = ApiApp.NewId("coach");
        using var coach = await _app.OwnerAsync(coachId, Core.Accounts.AccountKind.Coach, withProfile: false);
        using var victim = await SeededOwner.CreateAsync(_app, ApiApp.NewId("b"), coachId);
        using var attacker = await _app.OwnerAsync(ApiApp.NewId("a"));
        using var ownImport = await ImportFiles.PostCsvAsync(attacker, SeededOwner.PeopleCsv("a", ["Alice Attacker", "Arthur Attacker"], "Contoso"));
        using var ownCampaign = await attacker.PostAsync(
            new Uri("/api/campaigns", UriKind.Relative),
            new StringContent($$"""{ "id": "{{IsolationWalk.AttackerCampaignId}}", "name": "A campaign", "steps": [ { "stepId": "s", "template": "thank_you", "delay": { "amount": 1, "unit": "businessDays" } } ] }""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Created), (ownImport.StatusCode, ownCampaign.StatusCode));
        var before = await victim.SnapshotAsync();
        Assert.All(before, read => Assert.Contains(" 200 ", read, StringComparison.Ordinal));
        var coachSees = await SeededOwner.GetJsonAsync(coach, "/api/coach/clients");
        var walker = new IsolationWalker(attacker, victim.Ids, victim.Markers);

        var leaks = new List<string>();
        foreach (var (function, probes, _) in IsolationWalk.Cases)
        {
            foreach (var probe in probes)
            {
                if (await walker.FindLeakAsync(function, probe) is { } leak)
                {
                    leaks.Add(leak);
                }
            }
        }

        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
        Assert.Equal(before, await victim.SnapshotAsync());
        Assert.Equal(coachSees.GetRawText(), (await SeededOwner.GetJsonAsync(coach, "/api/coach/clients")).GetRawText());
        var attackerTasks = (await SeededOwner.GetJsonAsync(attacker, "/api/tasks")).GetProperty("tasks").EnumerateArray().ToList();
        Assert.DoesNotContain(attackerTasks, t => t.GetProperty("campaignId").GetString() == IsolationWalk.AttackerCampaignId);
    }

    public void Dispose() => _app.Dispose();
}
