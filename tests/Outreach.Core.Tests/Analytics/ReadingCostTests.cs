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
