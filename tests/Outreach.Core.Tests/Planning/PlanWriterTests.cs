using Outreach.Core.Campaigns;
using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;

namespace Outreach.Core.Tests.Planning;

public sealed class PlanWriterTests
{
    [Fact]
    public async Task A_due_task_whose_index_write_failed_is_indexed_when_the_enrolment_is_tried_again_not_left_planned_for_good()
    {
        var clock = ClockAt("2026-03-06T18:00Z");
        var store = new InMemoryTaskStore();
        var index = new FailingOnceDueIndex();
        var contacts = new[] { Contact("c1", Date(2026, 3, 6), "p1@example.org") };
        var plan = new CampaignPlanner(clock).Enroll(DefaultCampaigns.ClassVisitFollowUp("student-1"), contacts, LondonSender, SuppressionList.None);
        var thankYou = plan.Tasks.Single(t => t.StepId == "thank-you");

        // The tasks are stored, the due index refuses the first entry: the enrolment fails and the student tries again later.
        await Assert.ThrowsAsync<IOException>(() => new PlanWriter(store, index, clock).WriteAsync([thankYou], CancellationToken.None));
        Assert.NotNull(await store.FindAsync("student-1", thankYou.TaskId, CancellationToken.None));
        clock.SetUtcNow(Utc("2026-03-09T09:01Z"));
        Assert.True(thankYou.DueUtc < clock.GetUtcNow());

        var added = await new PlanWriter(store, index, clock).WriteAsync(plan.Tasks, CancellationToken.None);

        Assert.Equal(plan.Tasks.Count - 1, added);
        var work = await new DueWorkFinder(index, clock).FindAsync(Utc("2026-03-09T08:55Z"), CancellationToken.None);
        Assert.Contains(work.Entries, e => e.TaskId == thankYou.TaskId);
    }

    /// <summary>The real in-memory index, whose first write fails as a storage call can.</summary>
    private sealed class FailingOnceDueIndex : IDueIndex
    {
        private readonly InMemoryDueIndex _inner = new();
        private bool _failed;

        public Task UpsertAsync(DueIndexEntry entry, CancellationToken cancellationToken)
        {
            if (!_failed)
            {
                _failed = true;
                throw new IOException("The due index could not be written.");
            }

            return _inner.UpsertAsync(entry, cancellationToken);
        }

        public Task RemoveAsync(DueIndexEntry entry, CancellationToken cancellationToken) => _inner.RemoveAsync(entry, cancellationToken);

        public Task<IReadOnlyList<DueIndexEntry>> ReadBucketAsync(string bucketKey, CancellationToken cancellationToken) =>
            _inner.ReadBucketAsync(bucketKey, cancellationToken);
    }
}
