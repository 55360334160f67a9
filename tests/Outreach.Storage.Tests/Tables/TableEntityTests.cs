using Outreach.Storage.Tables;

namespace Outreach.Storage.Tests.Tables;

public sealed class TableEntityTests
{
    [Fact]
    public void Missing_value_typed_properties_read_as_null_not_as_defaults()
    {
        var entity = new TableEntity("p", "r");

        Assert.Null(entity.GetInt32("Count"));
        Assert.Null(entity.GetInt64("Count"));
        Assert.Null(entity.GetDouble("Rate"));
        Assert.Null(entity.GetBoolean("Flag"));
        Assert.Null(entity.GetDateTimeOffset("RevokedAt"));
        Assert.Null(entity.GetGuid("Id"));
        Assert.Null(entity.GetString("Name"));
        Assert.Null(entity.GetBinary("Hash"));
    }

    [Fact]
    public void Present_value_typed_properties_read_back()
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var entity = new TableEntity("p", "r") { ["Count"] = 3, ["RevokedAt"] = at, ["Rate"] = 0.05 };

        Assert.Equal(3, entity.GetInt32("Count"));
        Assert.Equal(3L, entity.GetInt64("Count"));
        Assert.Equal(at, entity.GetDateTimeOffset("RevokedAt"));
        Assert.Equal(0.05, entity.GetDouble("Rate"));
    }
}
