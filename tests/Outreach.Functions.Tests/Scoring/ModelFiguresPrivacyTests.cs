using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Outreach.Core.Contacts;
using Outreach.Functions.Scoring;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Scoring;

/// <summary>
/// <c>GET /api/model</c> on a deployment of few owners, on Azurite: a trained model's hold-out is the latest sends of
/// whoever sent them, so its figures are other owners' outcomes. An owner sees them only when they pool at least
/// <see cref="ModelSummaryResponse.MinimumOwners"/> owners, never the counts, and always sees their own figures.
/// </summary>
public sealed class ModelFiguresPrivacyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // Monday 5 January 2026, 09:00 UTC.
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_owner_of_a_two_owner_deployment_cannot_read_the_other_owners_outcomes_from_the_model()
    {
        await using var app = await ScoringApp.StartAsync(azurite, Start);
        var ana = ApiApp.NewId("ana");
        var ben = ApiApp.NewId("ben");
        // Ana sent 300 outreaches on days 0 to 2; Ben sent 150 on day 3 and 150 on day 4, so the hold-out (the latest
        // sends, day 4) is his alone: any figure of it is his sends and replies.
        await SeedAsync(app, ana, 300, i => Start.AddDays(i % 3));
        await SeedAsync(app, ben, 300, i => Start.AddDays(i < 150 ? 3 : 4));
        app.Clock.SetUtcNow(Start.AddDays(20));
        await RetrainAsync(app);

        using var client = app.Client(await app.CreateOwnerWithKeyAsync(ana));
        var shown = await client.GetFromJsonAsync<JsonElement>("/api/model");

        Assert.Equal("trained", shown.GetProperty("origin").GetString());
        Assert.All(
            [shown.GetProperty("metrics"), shown.GetProperty("rows"), shown.GetProperty("reliability")],
            value => Assert.Equal(JsonValueKind.Null, value.ValueKind));
        Assert.Equal(ModelSummaryResponse.FiguresWithheldReason, shown.GetProperty("countsWithheld").GetString());
        // Ana's own sends were all learnt from: she has no figures of her own yet, and none of Ben's.
        var yours = shown.GetProperty("yours");
        Assert.Equal((0, 0, JsonValueKind.Null), (yours.GetProperty("rows").GetInt32(), yours.GetProperty("replies").GetInt32(), yours.GetProperty("liftAt10").ValueKind));

        // Ben's own figures are the hold-out's: they are his.
        using var benClient = app.Client(await app.CreateOwnerWithKeyAsync(ben));
        var his = (await benClient.GetFromJsonAsync<JsonElement>("/api/model")).GetProperty("yours");
        var deployed = (await app.Models.GetDeployedAsync(CancellationToken.None))!.Model;
        Assert.Equal((150, deployed.Metrics!.Positives), (his.GetProperty("rows").GetInt32(), his.GetProperty("replies").GetInt32()));
        Assert.Equal(deployed.Metrics.LiftAt10.LiftLower, his.GetProperty("liftAt10").GetProperty("liftLower").GetDouble(), 12);
    }

    [Fact]
    public async Task An_owner_sees_the_rates_of_a_model_judged_on_five_owners_outreaches_but_not_their_counts()
    {
        await using var app = await ScoringApp.StartAsync(azurite, Start);
        var owners = Enumerable.Range(0, ModelSummaryResponse.MinimumOwners).Select(i => ApiApp.NewId($"o{i}")).ToList();
        foreach (var owner in owners)
        {
            await SeedAsync(app, owner, 120, i => Start.AddDays(i % 5));
        }

        app.Clock.SetUtcNow(Start.AddDays(20));
        await RetrainAsync(app);

        using var client = app.Client(await app.CreateOwnerWithKeyAsync(owners[0]));
        var shown = await client.GetFromJsonAsync<JsonElement>("/api/model");

        var deployed = (await app.Models.GetDeployedAsync(CancellationToken.None))!.Model;
        Assert.Equal(ModelSummaryResponse.MinimumOwners, deployed.Training.HoldOutOwners);
        var metrics = shown.GetProperty("metrics");
        Assert.Equal(deployed.Metrics!.AreaUnderRocCurve, metrics.GetProperty("auc").GetDouble(), 12);
        Assert.Equal(deployed.Metrics.LiftAt10.LiftUpper, metrics.GetProperty("liftAt10").GetProperty("liftUpper").GetDouble(), 12);
        Assert.All(
            [shown.GetProperty("rows"), shown.GetProperty("reliability"), metrics.GetProperty("holdOutRows"), metrics.GetProperty("liftAt10").GetProperty("replies")],
            value => Assert.Equal(JsonValueKind.Null, value.ValueKind));
        Assert.Equal(ModelSummaryResponse.CountsWithheldReason, shown.GetProperty("countsWithheld").GetString());
        Assert.Equal(24, shown.GetProperty("yours").GetProperty("rows").GetInt32()); // their own day-4 sends
    }

    [Fact]
    public async Task Five_owners_of_which_one_sent_most_of_the_hold_out_do_not_show_its_rates_to_an_owner()
    {
        await using var app = await ScoringApp.StartAsync(azurite, Start);
        var owners = Enumerable.Range(0, ModelSummaryResponse.MinimumOwners).Select(i => ApiApp.NewId($"d{i}")).ToList();
        // Four owners send 200 each over days 0 to 4 (a second apart, so the latest are theirs in turn); the first sends 150
        // late on day 4. The hold-out (the latest fifth, 190) pools all five, but 150 of its rows are the first owner's.
        for (var k = 1; k < owners.Count; k++)
        {
            var second = k;
            await SeedAsync(app, owners[k], 200, i => Start.AddDays(i % 5).AddMinutes(i).AddSeconds(second));
        }

        await SeedAsync(app, owners[0], 150, i => Start.AddDays(4).AddHours(6).AddMinutes(i));
        app.Clock.SetUtcNow(Start.AddDays(20));
        await RetrainAsync(app);

        using var client = app.Client(await app.CreateOwnerWithKeyAsync(owners[1]));
        var shown = await client.GetFromJsonAsync<JsonElement>("/api/model");

        var deployed = (await app.Models.GetDeployedAsync(CancellationToken.None))!.Model;
        Assert.Equal((190, ModelSummaryResponse.MinimumOwners), (deployed.Training.HoldOutRows, deployed.Training.HoldOutOwners));
        Assert.Equal(150.0 / 180, deployed.Training.HoldOutDominance!.Value, 12);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("metrics").ValueKind);
        Assert.Equal(ModelSummaryResponse.DominatedFiguresWithheldReason, shown.GetProperty("countsWithheld").GetString());
        Assert.Equal(10, shown.GetProperty("yours").GetProperty("rows").GetInt32()); // their own latest sends
    }

    /// <summary>
    /// <paramref name="count"/> sent thank-you notes: even-numbered contacts met at a class visit, one in four of them
    /// replied; odd-numbered ones are cold and never replied. A strong effect, so the retraining deploys a model.
    /// </summary>
    private static Task SeedAsync(ScoringApp app, string ownerId, int count, Func<int, DateTimeOffset> sentUtc)
    {
        var contacts = Enumerable.Range(0, count).Select(i => new Contact
        {
            OwnerId = ownerId, ContactId = $"c{i:000}", FirstName = $"c{i:000}", Position = "Analyst", Email = $"c{i:000}@example.org",
            Events = i % 2 == 0 ? [new EventMet("Class visit", DateOnly.FromDateTime(Start.UtcDateTime).AddDays(-3))] : [],
        }).ToList();
        return app.SeedSentHistoryAsync(ownerId, contacts, sentUtc, i => i % 8 == 0);
    }

    private static async Task RetrainAsync(ScoringApp app)
    {
        using (var run = await app.RunTimerAsync(RetrainModelFunction.FunctionName))
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }

        var record = Assert.Single(await app.Models.ListTrainingRecordsAsync(CancellationToken.None));
        Assert.True(record.Deployed, record.Reason);
    }
}
