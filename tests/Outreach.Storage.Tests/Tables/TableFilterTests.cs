using Outreach.Storage.Tables;

namespace Outreach.Storage.Tests.Tables;

public sealed class TableFilterTests
{
    [Fact]
    public void Literals_are_escaped_per_edm_type()
    {
        Assert.Equal("'O''Brien'", TableFilterLiteral.Format("O'Brien"));
        Assert.Equal("'Zoë 東京'", TableFilterLiteral.Format("Zoë 東京"));
        Assert.Equal("datetime'2026-11-22T02:30:00.1234567Z'", TableFilterLiteral.Format(new DateTimeOffset(2026, 11, 22, 3, 30, 0, TimeSpan.FromHours(1)).AddTicks(1234567)));
        Assert.Equal("9223372036854775807L", TableFilterLiteral.Format(long.MaxValue));
        Assert.Equal("42", TableFilterLiteral.Format(42));
        Assert.Equal("2.0", TableFilterLiteral.Format(2.0));
        Assert.Equal("0.5", TableFilterLiteral.Format(0.5));
        Assert.Equal("guid'0f8fad5b-d9cb-469f-a165-70867728950e'", TableFilterLiteral.Format(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")));
        Assert.Equal("X'0AFF'", TableFilterLiteral.Format(new byte[] { 0x0A, 0xFF }));
        Assert.Equal("true", TableFilterLiteral.Format(true));
    }

    [Fact]
    public void Comparisons_combine_with_parentheses()
    {
        var filter = TableFilter.Eq("PartitionKey", "O'Brien")
            .And(TableFilter.Ge("Due", new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero)))
            .Or(TableFilter.Not(TableFilter.Eq("Done", true)));

        Assert.Equal("((PartitionKey eq 'O''Brien') and (Due ge datetime'2026-11-22T00:00:00.0000000Z')) or (not (Done eq true))", filter.ToString());
    }

    [Fact]
    public void Interpolated_filter_turns_every_hole_into_a_literal()
    {
        var owner = "x' or 'a' eq 'a";

        string filter = TableFilter.Format($"PartitionKey eq {owner} and Attempts lt {5L}");

        Assert.Equal("PartitionKey eq 'x'' or ''a'' eq ''a' and Attempts lt 5L", filter);
    }

    [Fact]
    public void Values_without_a_table_literal_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => TableFilterLiteral.Format(double.NaN));
        Assert.Throws<ArgumentException>(() => TableFilterLiteral.Format(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local)));
        Assert.Throws<ArgumentException>(() => TableFilter.Eq("Due date", 1));
    }
}
