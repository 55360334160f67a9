using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests;

[Collection(AzuriteGroup.Name)]
public sealed class StorageFailureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Unreachable_endpoint_fails_with_one_line_naming_the_url_and_the_cause()
    {
        var closedPort = NodeProcess.FreeLoopbackPort();
        var account = StorageAccount.FromConnectionString(
            $"AccountName=devstoreaccount1;AccountKey={AzuriteFixture.AccountKey};BlobEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1",
            TestAccounts.FastRetries());

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => account.GetQueue("tasks").CreateIfNotExistsAsync());

        Assert.Equal($"Azure Storage at http://127.0.0.1:{closedPort}/devstoreaccount1/tasks is unreachable: connection refused", error.Message);
        Assert.Equal(0, error.Status);
    }

    [Fact]
    public async Task Wrong_account_key_fails_with_one_line_naming_the_account()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, wrongKey, StringComparison.Ordinal), TestAccounts.FastRetries());

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => account.GetQueue(TestAccounts.UniqueName("q")).CreateIfNotExistsAsync());

        Assert.Equal("Azure Storage rejected the account key for devstoreaccount1 (403 AuthenticationFailed)", error.Message);
        Assert.Equal(403, error.Status);
        Assert.Equal("AuthenticationFailed", error.ErrorCode);
    }
}
