using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;

namespace Outreach.Core.Tests.Planning;

/// <summary>The pure pieces composed the way the timer function will: enrol, write, find due work, plan the run.</summary>
public sealed class DispatchRoundTripTests
{
    [Fact]
    public async Task Forty_one_contacts_met_on_Friday_give_forty_thank_yous_on_Monday_morning_and_one_on_Tuesday()
    {
        var clock = ClockAt("2026-03-06T18:00Z");
        var store = new InMemoryTaskStore();
        var index = new InMemoryDueIndex();
        var contacts = Enumerable.Range(0, 41).Select(i => Contact($"c{i:00}", Date(2026, 3, 6), $"p{i}@example.org")).ToList();
        var plan = new CampaignPlanner(clock).Enroll(DefaultCampaigns.ClassVisitFollowUp("student-1"), contacts, LondonSender, SuppressionList.None);
        await new PlanWriter(store, index, clock).WriteAsync(plan.Tasks, CancellationToken.None);

        clock.SetUtcNow(Utc("2026-03-09T09:01Z"));
        var work = await new DueWorkFinder(index, clock).FindAsync(Utc("2026-03-09T08:55Z"), CancellationToken.None);
        var tasks = new List<OutreachTask>();
        foreach (var entry in work.GroupByOwner()["student-1"])
        {
            tasks.Add((await store.FindAsync(entry.OwnerId, entry.TaskId, CancellationToken.None))!);
        }

        var run = new DispatchPlanner(clock).Plan(LondonSender, tasks, SenderActivity.None, SuppressionList.None);

        Assert.Equal(41, work.Entries.Count);
        Assert.All(tasks, t => Assert.Equal("thank-you", t.StepId));
        Assert.Equal(40, run.Sends.Count);
        Assert.Equal((Utc("2026-03-09T09:01Z"), Utc("2026-03-09T10:19Z")), (run.Sends[0].SendAtUtc, run.Sends[^1].SendAtUtc));
        var deferred = Assert.Single(run.Deferred);
        Assert.Equal(tasks.Select(t => t.TaskId).Order(StringComparer.Ordinal).Last(), deferred.Task.TaskId); // all unscored and due alike: the last id waits
        Assert.Equal(Utc("2026-03-10T08:00Z"), deferred.UntilUtc);
        Assert.Equal("due-202603100800", DueIndexEntry.For(deferred.Task, clock.GetUtcNow()).BucketKey);
    }
}
