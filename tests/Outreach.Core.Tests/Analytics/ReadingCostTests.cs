using Outreach.Core.Analytics.Counters;
using Outreach.Core.Analytics.Events;
using Outreach.Core.Analytics.Reports;

namespace Outreach.Core.Tests.Analytics;

/// <summary>Reading counts cells (days × groups in range), not the events behind them.</summary>
public sealed class ReadingCostTests
{
    private static readonly DateOnly From = new(2026, 10, 1);
    private static readonly DateOnly To = new(2026, 10, 28);
    private static readonly string[] Templates = ["thanks-v1", "thanks-v2", "nudge-v1"];

    [Fact]
    public async Task An_owner_with_100k_events_costs_as_many_cell_reads_as_one_with_100()
    {
        var heavy = new MetricsScenario();
        var light = new MetricsScenario();
        await RecordSendsAsync(heavy, events: 100_000);
        await RecordSendsAsync(light, events: 100);

        var heavyReport = await heavy.ReadAsync(From, To, MetricsGroupBy.Template);
        var lightReport = await light.ReadAsync(From, To, MetricsGroupBy.Template);

        Assert.Equal(100_000, heavyReport.Rows.Sum(r => r.Sent));
        Assert.Equal(100, lightReport.Rows.Sum(r => r.Sent));
        Assert.Equal(28 * Templates.Length, heavy.Store.CellsRead);
        Assert.Equal(heavy.Store.CellsRead, light.Store.CellsRead);
    }

    [Fact]
    public async Task History_outside_the_range_is_not_read()
    {
        var metrics = new MetricsScenario();
        await metrics.MeetAsync("old", MetricsScenario.Meeting(From.AddYears(-1)));
        await metrics.MeetAsync("new", MetricsScenario.Meeting(From));

        await metrics.ReadAsync(From, To, MetricsGroupBy.Owner);

        Assert.Equal(1, metrics.Store.CellsRead);
    }

    [Fact]
    public async Task A_coach_view_reads_its_clients_a_few_at_a_time_and_sums_them_as_one_by_one()
    {
        var metrics = new MetricsScenario();
        var owners = Enumerable.Range(0, 20).Select(i => $"client-{i}").ToArray();
        foreach (var owner in owners)
        {
            await metrics.MeetAsync("c1", MetricsScenario.Meeting(From), owner);
        }

        var counting = new ConcurrentReads(metrics.Store);
        var together = await new MetricsReader(counting).ReadAsync(new MetricsQuery(owners, From, To, MetricsGroupBy.Owner), default);
        var oneByOne = await metrics.ReadAsync(From, To, MetricsGroupBy.Owner, owners);

        Assert.Equal(owners.Length, counting.Reads);
        Assert.Equal(MetricsReader.OwnersReadAtOnce, counting.MostAtOnce);
        Assert.Equal(oneByOne.Rows, together.Rows);
        Assert.Equal(20, together.Rows.Sum(r => r.ContactsMet));
    }

    /// <summary>The store, each read held open a moment so reads made together overlap, counting how many ran at once.</summary>
    private sealed class ConcurrentReads(ICounterStore inner) : ICounterStore
    {
        private int _active;
        private int _mostAtOnce;
        private int _reads;

        public int MostAtOnce => _mostAtOnce;

        public int Reads => _reads;

        public Task<int> ApplyAsync(IReadOnlyList<CounterIncrement> increments, CancellationToken cancellationToken) => inner.ApplyAsync(increments, cancellationToken);

        public Task<int> EraseSubjectAsync(string ownerId, string subjectId, CancellationToken cancellationToken) => inner.EraseSubjectAsync(ownerId, subjectId, cancellationToken);

        public async Task<IReadOnlyList<CounterCell>> ReadAsync(string ownerId, DimensionKind kind, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            var active = Interlocked.Increment(ref _active);
            InterlockedMax(ref _mostAtOnce, active);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
                return await inner.ReadAsync(ownerId, kind, firstDay, lastDay, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _active);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            var seen = Volatile.Read(ref target);
            while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var was && was != seen)
            {
                seen = was;
            }
        }
    }

    // Sends spread round-robin over every day of the range and every template, so both owners fill the same cells.
    private static async Task RecordSendsAsync(MetricsScenario metrics, int events)
    {
        var meeting = MetricsScenario.Meeting(From.AddDays(-30));
        for (var i = 0; i < events; i++)
        {
            var day = From.AddDays(i % 28);
            var sentAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            var step = MetricsScenario.Step(template: Templates[i / 28 % Templates.Length]);
            await metrics.RecordAsync(new OutreachSent("owner-1", $"c{i}", $"t{i}", meeting, step, sentAt));
        }
    }
}
