using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Dashboard;

/// <summary>
/// The queue's score line in a real browser against the real app on Kestrel and Azurite: a task the model scored shows
/// its probability; a planned task the model has not scored yet (tasks are scored when they fall due) says so rather
/// than showing the 5 % baseline it is ranked at as if it were a prediction; why is said once, above the list.
/// </summary>
public sealed class QueueScoreBrowserTests(AzuriteFixture azurite) : LoopbackBrowserTest(azurite), IClassFixture<AzuriteFixture>
{
    private const string Csv = "First name,Last name,Email,Event,Met on\n"
        + "Ada,Lovelace,ada@school.example,Class visit,2026-01-12\n";

    [Fact]
    public async Task Only_a_task_the_model_scored_shows_a_likelihood_of_reply()
    {
        var (ownerId, key) = await OwnerAsync();
        var planned = await PlannedAsync(key);
        var scored = await Tasks.FindAsync(ownerId, planned["thank-you"], CancellationToken.None);
        await Tasks.TryReplaceAsync(scored! with { Score = 0.031, ScoreExplanation = "You met in person (+)", ScoreModelId = "m1", ScoredForUtc = scored.DueUtc }, CancellationToken.None);

        var page = await OpenDashboardAsync(key);
        var scoredLine = await page.Locator($"#queue-body li[data-task='{planned["thank-you"]}'] .score").TextContentAsync();
        var unscoredItem = await page.Locator($"#queue-body li[data-task='{planned["follow-up"]}']").TextContentAsync();
        var help = await page.Locator("#queue-help").TextContentAsync();

        Assert.Equal("3.1 % likely to reply", scoredLine);
        Assert.DoesNotContain("likely to reply", unscoredItem, StringComparison.Ordinal);
        Assert.Contains("Not scored yet", unscoredItem, StringComparison.Ordinal);
        Assert.Contains(" · follow-up · ", unscoredItem, StringComparison.Ordinal); // the step, as the skip and the charts name it
        Assert.DoesNotContain("falls due", unscoredItem, StringComparison.Ordinal); // said once, above the list, not on every note
        Assert.Contains("scores a note when it falls due", help, StringComparison.Ordinal);
        AssertNoBrowserErrors();
    }

    private ITaskStore Tasks => App.Factory.Services.GetRequiredService<ITaskStore>();

    private async Task<(string OwnerId, string Key)> OwnerAsync()
    {
        var ownerId = ApiApp.NewId("owner");
        var key = await App.CreateAccountWithKeyAsync(ownerId);
        await ClassVisitContacts.ImportAsync(App, key, Csv);
        return (ownerId, key);
    }

    /// <summary>Ada's planned tasks by step.</summary>
    private async Task<Dictionary<string, string>> PlannedAsync(string key)
    {
        using var client = App.Client(key);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/tasks?state=planned");
        return list.GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("stepId").GetString()!, t => t.GetProperty("id").GetString()!);
    }
}
