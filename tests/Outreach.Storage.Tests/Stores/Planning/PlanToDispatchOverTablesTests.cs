using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Planning;
using Outreach.Storage.Stores.Planning;
using Outreach.Testing.LocalServices;
using Outreach.Testing.Time;

namespace Outreach.Storage.Tests.Stores.Planning;

/// <summary>The core's plan → find due work → dispatch path, over the table stores instead of the in-memory ones.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class PlanToDispatchOverTablesTests(AzuriteFixture azurite)
{
    private static readonly SenderSchedule LondonSender = SenderSchedule.ForZone("Europe/London");

    [Fact]
    public async Task Forty_one_contacts_met_on_Friday_give_forty_thank_yous_on_Monday_morning_and_one_on_Tuesday()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 6, 18, 0, 0, TimeSpan.Zero));
        var store = new TableTaskStore(await StoreTables.NewAsync(azurite, "tasks"));
        var index = new TableDueIndex(await StoreTables.NewAsync(azurite, "due"));
        var contacts = Enumerable.Range(0, 41).Select(i => Contact($"c{i:00}", $"p{i}@example.org")).ToList();
        var plan = new CampaignPlanner(clock).Enroll(DefaultCampaigns.ClassVisitFollowUp("student-1"), contacts, LondonSender, SuppressionList.None);

        var written = await new PlanWriter(store, index, clock).WriteAsync(plan.Tasks, CancellationToken.None);
        var rewritten = await new PlanWriter(store, index, clock).WriteAsync(plan.Tasks, CancellationToken.None);

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 9, 1, 0, TimeSpan.Zero));
        var work = await new DueWorkFinder(index, clock).FindAsync(new DateTimeOffset(2026, 3, 9, 8, 55, 0, TimeSpan.Zero), CancellationToken.None);
        var tasks = new List<OutreachTask>();
        foreach (var entry in work.GroupByOwner()["student-1"])
        {
            tasks.Add((await store.FindAsync(entry.OwnerId, entry.TaskId, CancellationToken.None))!);
        }

        var run = new DispatchPlanner(clock).Plan(LondonSender, tasks, SenderActivity.None, SuppressionList.None);

        Assert.Equal(plan.Tasks.Count, written);
        Assert.Equal(0, rewritten);
        Assert.Equal(41, work.Entries.Count);
        Assert.All(tasks, t => Assert.Equal("thank-you", t.StepId));
        Assert.Equal(40, run.Sends.Count);
        var deferred = Assert.Single(run.Deferred);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero), deferred.UntilUtc);

        // Applying the run: a queued move with the version read succeeds once; the dispatcher's redelivered copy loses.
        var first = run.Sends[0].Task;
        Assert.NotNull(await store.TryReplaceAsync(first.MoveTo(TaskState.Queued), CancellationToken.None));
        Assert.Null(await store.TryReplaceAsync(first.MoveTo(TaskState.Queued), CancellationToken.None));
    }

    private static Contact Contact(string id, string email) => new()
    {
        OwnerId = "student-1",
        ContactId = id,
        FirstName = "Ada",
        Email = email,
        Events = [new EventMet("Class visit", new DateOnly(2026, 3, 6))],
    };
}
