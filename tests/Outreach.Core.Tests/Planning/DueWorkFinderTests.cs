using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;

namespace Outreach.Core.Tests.Planning;

public sealed class DueWorkFinderTests
{
    private static DueIndexEntry Entry(string owner, string task, string due) =>
        new(DueBuckets.KeyOf(Utc(due)), owner, task, Utc(due));

    [Fact]
    public async Task Finds_entries_due_by_now_in_due_order_and_leaves_later_ones_for_the_next_run()
    {
        var index = new InMemoryDueIndex();
        foreach (var entry in new[]
        {
            Entry("owner-b", "t2", "2026-03-09T09:11Z"), Entry("owner-a", "t1", "2026-03-09T09:01Z"),
            Entry("owner-c", "t3", "2026-03-09T09:14Z"), Entry("owner-d", "t4", "2026-04-01T09:00Z"),
        })
        {
            await index.UpsertAsync(entry, CancellationToken.None);
        }

        var clock = ClockAt("2026-03-09T09:12Z");
        var finder = new DueWorkFinder(index, clock);

        var first = await finder.FindAsync(Utc("2026-03-09T09:00Z"), CancellationToken.None);
        clock.SetUtcNow(Utc("2026-03-09T09:20Z"));
        var second = await finder.FindAsync(first.NextCursor, CancellationToken.None);

        Assert.Equal(["owner-a|t1", "owner-b|t2"], first.Entries.Select(e => e.RowKey));
        Assert.Equal(Utc("2026-03-09T09:05Z"), first.NextCursor);
        Assert.Equal(["owner-b|t2", "owner-c|t3"], second.Entries.Select(e => e.RowKey)); // t2 not yet dispatched: still there
        Assert.Equal(["owner-b", "owner-c"], second.GroupByOwner().Select(g => g.Key).Order());
    }

    [Theory]
    [InlineData(10)]
    [InlineData(10_000)]
    public async Task The_number_of_partitions_read_does_not_depend_on_how_many_owners_have_nothing_due(int idleOwners)
    {
        var index = new CountingIndex();
        for (var owner = 0; owner < idleOwners; owner++)
        {
            await index.UpsertAsync(Entry($"idle-{owner}", "t", "2026-04-01T09:00Z"), CancellationToken.None);
        }

        for (var task = 0; task < 100; task++)
        {
            await index.UpsertAsync(Entry("busy", $"t{task}", "2026-03-09T09:03Z"), CancellationToken.None);
        }

        var work = await new DueWorkFinder(index, ClockAt("2026-03-09T09:12Z")).FindAsync(Utc("2026-03-09T09:00Z"), CancellationToken.None);

        Assert.Equal(100, work.Entries.Count);
        Assert.Equal((3, 100), (index.BucketsRead, index.EntriesRead));
    }

    private sealed class CountingIndex : IDueIndex
    {
        private readonly InMemoryDueIndex _inner = new();

        public int BucketsRead { get; private set; }

        public int EntriesRead { get; private set; }

        public Task UpsertAsync(DueIndexEntry entry, CancellationToken cancellationToken) => _inner.UpsertAsync(entry, cancellationToken);

        public Task RemoveAsync(DueIndexEntry entry, CancellationToken cancellationToken) => _inner.RemoveAsync(entry, cancellationToken);

        public async Task<IReadOnlyList<DueIndexEntry>> ReadBucketAsync(string bucketKey, CancellationToken cancellationToken)
        {
            var entries = await _inner.ReadBucketAsync(bucketKey, cancellationToken);
            BucketsRead++;
            EntriesRead += entries.Count;
            return entries;
        }
    }
}
