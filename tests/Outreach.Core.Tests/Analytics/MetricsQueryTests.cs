using Outreach.Core.Analytics.Reports;

namespace Outreach.Core.Tests.Analytics;

public sealed class MetricsQueryTests
{
    private static readonly string[] Owner = ["owner-1"];

    [Theory]
    [InlineData("2026-11-10", "2026-11-09", "week", "metrics.range-inverted", "from")]
    [InlineData("2026-01-01", "2027-01-02", "week", "metrics.range-too-long", "to")]
    [InlineData("2026-11-01", "2026-11-30", "month", "metrics.group-unknown", "groupBy")]
    [InlineData("2026-11-01", "2026-11-30", "3", "metrics.group-unknown", "groupBy")]
    [InlineData("2026-11-01", "2026-11-30", "owner,week", "metrics.group-unknown", "groupBy")]
    [InlineData("2026-13-01", "2026-11-30", "owner", "metrics.date-invalid", "from")]
    [InlineData(null, "2026-11-30", "owner", "metrics.date-invalid", "from")]
    [InlineData("2026-11-01", "30/11/2026", "owner", "metrics.date-invalid", "to")]
    public void Invalid_parameters_are_rejected_naming_the_parameter(string? from, string? to, string? groupBy, string code, string target)
    {
        var error = Assert.Throws<DomainException>(() => MetricsQuery.Parse(Owner, from, to, groupBy));

        Assert.Equal(code, error.Code);
        Assert.Equal(target, error.Target);
    }

    [Theory]
    [InlineData("2026-02-30", "'from' must be a day of the calendar written yyyy-MM-dd; '2026-02-30' is not one.")]
    [InlineData("2026-11-01,2026-11-02", "'from' must be a day of the calendar written yyyy-MM-dd; '2026-11-01,2026-11-02' is not one.")]
    [InlineData("", "'from' must be a date written yyyy-MM-dd.")]
    public void An_unreadable_date_is_quoted_back_so_a_day_that_does_not_exist_is_told_from_a_wrong_format(string from, string message)
    {
        var error = Assert.Throws<DomainException>(() => MetricsQuery.Parse(Owner, from, "2026-11-30", "owner"));

        Assert.Equal(("metrics.date-invalid", "from"), (error.Code, error.Target));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_query_needs_an_owner()
    {
        var none = Assert.Throws<DomainException>(() => MetricsQuery.Parse([], "2026-11-01", "2026-11-30", "owner"));
        var blank = Assert.Throws<DomainException>(() => MetricsQuery.Parse([" "], "2026-11-01", "2026-11-30", "owner"));

        Assert.Equal("ownerIds", none.Target);
        Assert.Equal("ownerIds", blank.Target);
    }

    [Fact]
    public void An_undefined_grouping_value_is_rejected()
    {
        var error = Assert.Throws<DomainException>(() => new MetricsQuery(Owner, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2), (MetricsGroupBy)42));

        Assert.Equal("groupBy", error.Target);
    }

    [Theory]
    [InlineData("Week", MetricsGroupBy.Week)]
    [InlineData("TEMPLATE", MetricsGroupBy.Template)]
    [InlineData(" step ", MetricsGroupBy.Step)]
    [InlineData(null, MetricsGroupBy.Owner)]
    [InlineData("", MetricsGroupBy.Owner)]
    public void Grouping_names_are_case_insensitive_and_default_to_owner(string? groupBy, MetricsGroupBy expected) =>
        Assert.Equal(expected, MetricsQuery.Parse(Owner, "2026-11-01", "2026-11-30", groupBy).GroupBy);

    [Fact]
    public void A_range_of_exactly_366_days_and_a_single_day_are_allowed()
    {
        var year = MetricsQuery.Parse(Owner, "2026-01-01", "2027-01-01", "week");
        var day = MetricsQuery.Parse(Owner, "2026-11-16", "2026-11-16", "owner");

        Assert.Equal(366, year.To.DayNumber - year.From.DayNumber + 1);
        Assert.Equal(day.From, day.To);
    }
}
