using Outreach.Storage.Tables;
using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests.Stores;

/// <summary>A fresh, created table per test on the shared Azurite, so tests never see each other's rows.</summary>
internal static class StoreTables
{
    public static async Task<TableClient> NewAsync(AzuriteFixture azurite, string prefix)
    {
        var table = TestAccounts.For(azurite).GetTable(TestAccounts.UniqueName(prefix));
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
