using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Scoring;
using Outreach.Core.Scoring.Synthetic;
using Outreach.Core.Scoring.Training;
using Outreach.Functions.Scoring;
using Outreach.Functions.Tests.Support;
using Outreach.Storage.Stores.Scoring;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Dashboard;

/// <summary>
/// The dashboard's "How the queue is ranked" section in a real browser against the real app on Kestrel and Azurite: it
/// says which model ranks the queue (the starting prior, or one trained on outcomes), its lift over the 5 % baseline on
/// sends it never learnt from, and what it can say of the student's own outreaches.
/// </summary>
public sealed class ModelSectionBrowserTests(AzuriteFixture azurite) : LoopbackBrowserTest(azurite), IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_model_section_says_which_model_ranks_the_queue_and_how_it_did_against_five_percent()
    {
        var key = await App.CreateAccountWithKeyAsync(ApiApp.NewId("owner"));

        // Cold start: the prior ranks the queue, and the student has no outcomes of their own yet.
        var page = await OpenDashboardAsync(key);
        var body = page.Locator("#model-body");
        var which = await body.Locator(".model-which").TextContentAsync();
        var own = await body.Locator(".note").Last.TextContentAsync();
        Assert.StartsWith("Your queue is ranked by the starting model: published research on what gets replies", which, StringComparison.Ordinal);
        Assert.Contains("On made-up practice data, the top-scored 10 % got replies", await body.Locator(".model-pooled").TextContentAsync(), StringComparison.Ordinal);
        Assert.StartsWith("None of your outreaches has a closed outcome yet", own, StringComparison.Ordinal);
        Assert.Equal(0, await body.Locator(".model-retraining").CountAsync()); // no retraining has run

        // A model trained on 40 owners' outcomes is deployed: its lift on the latest sends is shown with its interval.
        var trained = ModelTrainer.Train(SyntheticHistoryGenerator.Generate(new SyntheticHistoryOptions { Rows = 8_000, Seed = 5 }).Rows, new TrainingOptions()).Model;
        var store = App.Factory.Services.GetRequiredService<BlobModelStore>();
        await store.DeployAsync(trained, DateTimeOffset.UtcNow, CancellationToken.None);
        await store.SaveTrainingRecordAsync(new ModelTrainingRecord(DateTimeOffset.UtcNow, 40, 8_000, 400, true, "admins' reason", trained.Id, 1, null, trained.Metrics), CancellationToken.None);
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("main[data-loaded='true']");
        var pooled = await page.Locator("#model-body .model-pooled").TextContentAsync();

        Assert.StartsWith($"Your queue is ranked by a model trained on real outcomes (version {trained.Version}", await page.Locator("#model-body .model-which").TextContentAsync(), StringComparison.Ordinal);
        var lift = trained.Metrics!.LiftAt10;
        Assert.Equal(
            $"On the latest sends, which it never learnt from, the top-scored 10 % got replies {X(lift.Lift)} as often as the 5 % baseline (95 % interval {X(lift.LiftLower)} to {X(lift.LiftUpper)}).",
            pooled);
        Assert.StartsWith("None of your outreaches was sent after the model learnt", await page.Locator("#model-body .note").Last.TextContentAsync(), StringComparison.Ordinal);
        Assert.EndsWith(": " + ModelRetrainingResponse.DeployedReason, await page.Locator("#model-body .model-retraining").TextContentAsync(), StringComparison.Ordinal);
        AssertNoBrowserErrors();
    }

    private static string X(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "×";
}
