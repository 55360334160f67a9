using Outreach.Storage.Tables;

namespace Outreach.Storage.Tests.Tables;

public sealed class TableEntityTests
{
    [Fact]
    public void Absent_properties_read_as_null_for_every_type()
    {
        var entity = new TableEntity("p", "r");

        Assert.Null(entity.GetString("A"));
        Assert.Null(entity.GetInt32("A"));
        Assert.Null(entity.GetInt64("A"));
        Assert.Null(entity.GetDouble("A"));
        Assert.Null(entity.GetBoolean("A"));
        Assert.Null(entity.GetDateTimeOffset("A"));
        Assert.Null(entity.GetGuid("A"));
        Assert.Null(entity.GetBinary("A"));
    }

    [Fact]
    public void Present_properties_read_with_their_values_and_integers_widen()
    {
        var entity = new TableEntity("p", "r") { ["I"] = 0, ["D"] = 0.5, ["B"] = false, ["S"] = "s" };

        Assert.Equal((0, 0L, 0.0, 0.5, false, "s"), (entity.GetInt32("I"), entity.GetInt64("I"), entity.GetDouble("I"), entity.GetDouble("D"), entity.GetBoolean("B"), entity.GetString("S")));
        Assert.Equal("Property S is a String, not a Int32.", Assert.Throws<InvalidOperationException>(() => entity.GetInt32("S")).Message);
    }
}
