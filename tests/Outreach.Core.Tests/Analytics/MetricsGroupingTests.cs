using Outreach.Core.Analytics.Counters;
using Outreach.Core.Analytics.Events;
using Outreach.Core.Analytics.Reports;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;

namespace Outreach.Core.Tests.Analytics;

public sealed class MetricsGroupingTests
{
    private static readonly DateOnly From = new(2026, 11, 2);
    private static readonly DateOnly To = new(2026, 11, 15);
    private readonly MetricsScenario _metrics = new();

    [Theory]
    [InlineData(MetricsGroupBy.Owner, "owner-1=3/2/3/1|owner-2=1/1/1/0")]
    [InlineData(MetricsGroupBy.Cohort, "(none)=1/1/1/0|cohort-a=3/2/3/1")]
    [InlineData(MetricsGroupBy.Event, "career-fair=2/1/2/1|class-visit=2/2/2/0")]
    [InlineData(MetricsGroupBy.Campaign, "(none)=0/0/1/0|fall=0/0/3/1")]
    [InlineData(MetricsGroupBy.Step, "follow-up=0/0/1/0|intro=0/0/1/0|thank-you=0/0/2/1")]
    [InlineData(MetricsGroupBy.Template, "(none)=0/0/1/0|nudge-v1=0/0/1/0|thanks-v1=0/0/1/1|thanks-v2=0/0/1/0")]
    [InlineData(MetricsGroupBy.Week, "2026-W45=2/2/2/1|2026-W46=2/1/2/0")]
    public async Task Each_grouping_partitions_the_same_counts(MetricsGroupBy groupBy, string expected)
    {
        await SeedAsync();

        var report = await _metrics.ReadAsync(From, To, groupBy, "owner-1", "owner-2");

        // group=met/followed-up-within-2-days/sent/replies
        Assert.Equal(expected, string.Join('|', report.Rows.Select(r => $"{r.GroupKey}={r.ContactsMet}/{r.FollowUpWithin2Days.Successes}/{r.Sent}/{r.Replies}")));
    }

    [Fact]
    public async Task A_default_templates_sends_are_grouped_under_the_name_the_api_gives_it_with_those_counted_under_its_old_name()
    {
        var meeting = MetricsScenario.Meeting(From);
        var task = new OutreachTask
        {
            TaskId = "t-new", OwnerId = "owner-1", ContactId = "a", CampaignId = "fall", StepId = "thank-you", Template = TemplateKind.ThankYou,
            Channel = TaskChannel.Email, DueUtc = MetricsScenario.Utc(2026, 11, 3),
        };
        await _metrics.MeetAsync("a", meeting);
        await _metrics.MeetAsync("b", meeting);
        await _metrics.SendAsync("b", "t-old", meeting, MetricsScenario.Utc(2026, 11, 3), MetricsScenario.Step("thank-you", "ThankYou")); // counted before
        await _metrics.SendAsync("a", "t-new", meeting, MetricsScenario.Utc(2026, 11, 3), OutreachStep.Of(task));

        var report = await _metrics.ReadAsync(From, To, MetricsGroupBy.Template, "owner-1");

        Assert.Equal("thank_you", OutreachStep.Of(task).TemplateId);
        Assert.Equal("thank_you=2", string.Join('|', report.Rows.Select(r => $"{r.GroupKey}={r.Sent}")));
    }

    [Fact]
    public async Task Both_ends_of_the_range_are_included_and_days_outside_are_not()
    {
        await _metrics.MeetAsync("before", MetricsScenario.Meeting(From.AddDays(-1)));
        await _metrics.MeetAsync("first", MetricsScenario.Meeting(From));
        await _metrics.MeetAsync("last", MetricsScenario.Meeting(To));
        await _metrics.MeetAsync("after", MetricsScenario.Meeting(To.AddDays(1)));

        var row = await _metrics.OwnerRowAsync(From, To);

        Assert.Equal(2, row.ContactsMet);
    }

    [Fact]
    public async Task Weeks_follow_iso_8601_across_a_year_boundary()
    {
        // 2026 has 53 ISO weeks: Mon 28 Dec 2026 to Sun 3 Jan 2027 is 2026-W53.
        await _metrics.MeetAsync("a", MetricsScenario.Meeting(new DateOnly(2026, 12, 27)));
        await _metrics.MeetAsync("b", MetricsScenario.Meeting(new DateOnly(2026, 12, 28)));
        await _metrics.MeetAsync("c", MetricsScenario.Meeting(new DateOnly(2027, 1, 1)));
        await _metrics.MeetAsync("d", MetricsScenario.Meeting(new DateOnly(2027, 1, 3)));
        await _metrics.MeetAsync("e", MetricsScenario.Meeting(new DateOnly(2027, 1, 4)));

        var report = await _metrics.ReadAsync(new DateOnly(2026, 12, 27), new DateOnly(2027, 1, 10), MetricsGroupBy.Week);

        Assert.Equal("2026-W52=1|2026-W53=3|2027-W01=1", string.Join('|', report.Rows.Select(r => $"{r.GroupKey}={r.ContactsMet}")));
    }

    [Fact]
    public void Week_keys_map_back_to_their_monday()
    {
        Assert.Equal(new DateOnly(2026, 12, 28), IsoWeekKey.MondayOf("2026-W53"));
        Assert.Equal(new DateOnly(2027, 1, 4), IsoWeekKey.MondayOf("2027-W01"));
        Assert.Equal("2027-W01", IsoWeekKey.Of(new DateOnly(2027, 1, 10)));
        Assert.Throws<ArgumentException>(() => IsoWeekKey.MondayOf("2027-W53"));
    }

    [Fact]
    public async Task A_coachs_report_adds_up_its_clients()
    {
        await _metrics.MeetAsync("a", MetricsScenario.Meeting(From), owner: "client-1");
        await _metrics.MeetAsync("b", MetricsScenario.Meeting(From), owner: "client-2");
        await _metrics.MeetAsync("c", MetricsScenario.Meeting(From), owner: "someone-else");
        _metrics.Cohorts["client-1"] = _metrics.Cohorts["client-2"] = _metrics.Cohorts["someone-else"] = "spring";

        var report = await _metrics.ReadAsync(From, To, MetricsGroupBy.Cohort, "client-1", "client-2", "client-1");

        var row = Assert.Single(report.Rows);
        Assert.Equal("spring", row.GroupKey);
        Assert.Equal(2, row.ContactsMet);
        Assert.Equal(["client-1", "client-2"], report.Query.OwnerIds);
    }

    [Fact]
    public async Task A_cohort_is_the_owners_filing_when_the_report_is_read_so_filing_a_client_later_moves_their_whole_history()
    {
        await _metrics.MeetAsync("a", MetricsScenario.Meeting(From), owner: "client-1");
        var sent = await _metrics.SendAsync("a", "a1", MetricsScenario.Meeting(From), MetricsScenario.Utc(2026, 11, 3), owner: "client-1");
        await _metrics.ReplyAsync(sent, TimeSpan.FromHours(3));
        await _metrics.MeetAsync("b", MetricsScenario.Meeting(From.AddDays(1)), owner: "client-2");

        var before = await _metrics.ReadAsync(From, To, MetricsGroupBy.Cohort, "client-1", "client-2");
        _metrics.Cohorts["client-1"] = "Spring 2027";
        var after = await _metrics.ReadAsync(From, To, MetricsGroupBy.Cohort, "client-1", "client-2");

        Assert.Equal("(none)=2/1/1", string.Join('|', before.Rows.Select(r => $"{r.GroupKey}={r.ContactsMet}/{r.Sent}/{r.Replies}")));
        Assert.Equal("(none)=1/0/0|Spring 2027=1/1/1", string.Join('|', after.Rows.Select(r => $"{r.GroupKey}={r.ContactsMet}/{r.Sent}/{r.Replies}")));
    }

    [Fact]
    public async Task Blank_dimension_values_are_grouped_as_none()
    {
        await _metrics.MeetAsync("a", MetricsScenario.Meeting(From, eventName: "  "));

        var report = await _metrics.ReadAsync(From, To, MetricsGroupBy.Event);

        Assert.Equal(DimensionValue.None, Assert.Single(report.Rows).GroupKey);
    }

    // owner-1: met a (2 Nov, career fair), b (3 Nov, class visit), c (10 Nov, career fair), filed under cohort-a;
    // owner-2: met d (12 Nov, class visit), in no cohort.
    private async Task SeedAsync()
    {
        _metrics.Cohorts["owner-1"] = "cohort-a";
        var a = MetricsScenario.Meeting(new DateOnly(2026, 11, 2), "career-fair");
        var b = MetricsScenario.Meeting(new DateOnly(2026, 11, 3), "class-visit");
        var c = MetricsScenario.Meeting(new DateOnly(2026, 11, 10), "career-fair");
        var d = MetricsScenario.Meeting(new DateOnly(2026, 11, 12), "class-visit");
        await _metrics.MeetAsync("a", a);
        await _metrics.MeetAsync("b", b);
        await _metrics.MeetAsync("c", c);
        await _metrics.MeetAsync("d", d, owner: "owner-2");

        var toA = await _metrics.SendAsync("a", "a1", a, MetricsScenario.Utc(2026, 11, 3), MetricsScenario.Step("thank-you", "thanks-v1"));
        await _metrics.ReplyAsync(toA, TimeSpan.FromHours(5));
        await _metrics.SendAsync("b", "b1", b, MetricsScenario.Utc(2026, 11, 4), MetricsScenario.Step("thank-you", "thanks-v2"));
        await _metrics.SendAsync("c", "c1", c, MetricsScenario.Utc(2026, 11, 30), MetricsScenario.Step("follow-up", "nudge-v1")); // after the range
        await _metrics.SendAsync("c", "c0", c, MetricsScenario.Utc(2026, 11, 14), MetricsScenario.Step("follow-up", "nudge-v1"));
        await _metrics.SendAsync("d", "d1", d, MetricsScenario.Utc(2026, 11, 13), MetricsScenario.Step("intro", null, null), owner: "owner-2");
    }
}
