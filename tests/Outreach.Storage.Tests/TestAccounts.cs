using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests;

/// <summary>Accounts and unique resource names for tests against the shared Azurite.</summary>
internal static class TestAccounts
{
    public static StorageClientOptions FastRetries() => new()
    {
        Retry = { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(20) },
    };

    public static StorageAccount For(AzuriteFixture azurite, StorageClientOptions? options = null) =>
        StorageAccount.FromConnectionString(azurite.ConnectionString, options ?? FastRetries());

    /// <summary>A fresh lowercase name for a queue or container (letters and digits only, so also a valid table name).</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..20];
}
