using Outreach.Core.Analytics.Counters;
using Outreach.Core.Analytics.Events;

namespace Outreach.Core.Tests.Analytics;

public sealed class MetricsProjectorTests
{
    private static readonly DateOnly Day = new(2026, 11, 16);
    private static readonly MeetingContext Meeting = MetricsScenario.Meeting(Day);

    [Fact]
    public void A_meeting_counts_on_the_owner_and_event_cells_of_its_day()
    {
        var increments = MetricsProjector.Project(new ContactMet("owner-1", "c1", Meeting), TimeZoneInfo.Utc);

        Assert.Equal(
            ["Owner:owner-1", "Event:career-fair"],
            increments.Select(i => $"{i.Cell.Kind}:{i.Cell.Value}"));
        Assert.All(increments, i => Assert.Equal((Day, CounterNames.Met, 1L), (i.Cell.Day, i.Counter, i.Delta)));
        Assert.All(increments, i => Assert.Equal(new DedupeKey("owner-1", "c1", "met:2026-11-16"), i.Dedupe));
    }

    [Fact]
    public void A_scored_send_counts_its_probability_in_millionths_in_its_bin()
    {
        var sent = new OutreachSent("owner-1", "c1", "t1", Meeting, MetricsScenario.Step(), MetricsScenario.Utc(2026, 11, 20), 0.0725);

        var templateCell = MetricsProjector.Project(sent, TimeZoneInfo.Utc)
            .Where(i => i.Cell.Kind == DimensionKind.Template)
            .ToDictionary(i => i.Counter, i => i.Delta);

        Assert.Equal(
            new Dictionary<string, long> { [CounterNames.Sent] = 1, ["bin3_sent"] = 1, ["bin3_predicted_micros"] = 72_500 },
            templateCell);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void A_probability_outside_zero_to_one_is_rejected(double probability)
    {
        var sent = new OutreachSent("owner-1", "c1", "t1", Meeting, MetricsScenario.Step(), MetricsScenario.Utc(2026, 11, 20), probability);

        var error = Assert.Throws<DomainException>(() => MetricsProjector.Project(sent, TimeZoneInfo.Utc));

        Assert.Equal("predictedProbability", error.Target);
    }

    [Fact]
    public void A_reply_before_its_send_is_rejected()
    {
        var at = MetricsScenario.Utc(2026, 11, 20);
        var reply = new ReplyReceived("owner-1", "c1", "t1", Meeting, MetricsScenario.Step(), at, at.AddSeconds(-1));

        var error = Assert.Throws<DomainException>(() => MetricsProjector.Project(reply, TimeZoneInfo.Utc));

        Assert.Equal("repliedAt", error.Target);
    }

    [Theory]
    [InlineData("", "c1", "t1", "ownerId")]
    [InlineData("owner-1", " ", "t1", "contactId")]
    [InlineData("owner-1", "c1", "", "taskId")]
    public void Events_without_ids_are_rejected_naming_the_id(string owner, string contact, string task, string target)
    {
        var sent = new OutreachSent(owner, contact, task, Meeting, MetricsScenario.Step(), MetricsScenario.Utc(2026, 11, 20));

        var error = Assert.Throws<DomainException>(() => MetricsProjector.Project(sent, TimeZoneInfo.Utc));

        Assert.Equal(target, error.Target);
    }
}
