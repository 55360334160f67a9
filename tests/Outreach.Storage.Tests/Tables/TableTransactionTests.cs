using Outreach.Storage.Tables;
using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests.Tables;

[Collection(AzuriteGroup.Name)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    private readonly StorageAccount _account = TestAccounts.For(azurite);

    private async Task<TableClient> NewTableAsync()
    {
        var table = _account.GetTable(TestAccounts.UniqueName("t"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static TableTransactionAction Add(string pk, string rk) => new(TableTransactionActionType.Add, new TableEntity(pk, rk) { ["N"] = 1 });

    [Fact]
    public async Task A_transaction_applies_every_action_and_returns_their_etags()
    {
        var table = await NewTableAsync();
        var existing = new TableEntity("p", "old") { ["N"] = 0 };
        await table.InsertAsync(existing);
        var toDelete = new TableEntity("p", "gone");
        await table.InsertAsync(toDelete);

        var etags = await table.SubmitTransactionAsync(
        [
            Add("p", "new"),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "old") { ["M"] = 2 }, existing.ETag),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "up") { ["N"] = 3 }),
            new(TableTransactionActionType.Delete, new TableEntity("p", "gone"), toDelete.ETag),
        ]);

        Assert.Equal(4, etags.Count);
        var rows = await table.QueryAsync().ToListAsync();
        Assert.Equal(["new", "old", "up"], rows.Select(r => r.RowKey));
        Assert.Equal(etags[1], rows[1].ETag);
        Assert.Equal(2, rows[1].GetInt32("M"));
        Assert.Equal(0, rows[1].GetInt32("N"));
    }

    [Fact]
    public async Task A_failing_transaction_rolls_back_and_names_the_failing_action()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(new TableEntity("p", "taken"));

        var error = await Assert.ThrowsAsync<StorageConcurrencyException>(() => table.SubmitTransactionAsync(
            [Add("p", "a"), Add("p", "b"), Add("p", "taken"), Add("p", "c")]));

        Assert.Equal(2, error.FailedActionIndex);
        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Equal($"A transaction of 4 actions on table {table.Name} was rolled back: action 2 failed with 409 EntityAlreadyExists", error.Message);
        Assert.Equal(["taken"], await table.QueryAsync().Select(e => e.RowKey).ToListAsync());
    }

    [Fact]
    public async Task Transactions_that_break_the_rules_are_rejected_before_any_request()
    {
        var table = _account.GetTable("nevercreated");

        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(Enumerable.Range(0, 101).Select(i => Add("p", $"r{i}")).ToList()));
        var twoPartitions = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([Add("p", "a"), Add("q", "b")]));
        var repeated = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([Add("p", "a"), Add("p", "a")]));
        var tooBig = await Assert.ThrowsAsync<TableTransactionTooLargeException>(() => table.SubmitTransactionAsync(
            Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}") { ["Text"] = new string('x', 45_000) })).ToList()));

        Assert.StartsWith("A transaction holds 1 to 100 actions, not 101.", tooMany.Message, StringComparison.Ordinal);
        Assert.StartsWith("Action 1 is in another partition", twoPartitions.Message, StringComparison.Ordinal);
        Assert.StartsWith("Action 1 repeats a RowKey", repeated.Message, StringComparison.Ordinal);
        Assert.Contains("the service accepts at most 4194304 (4 MiB)", tooBig.Message, StringComparison.Ordinal);
        Assert.True(tooBig.Bytes > 4 * 1024 * 1024);
    }

    [Fact]
    public async Task A_query_over_more_than_1000_entities_follows_continuation()
    {
        var table = await NewTableAsync();
        var entities = Enumerable.Range(0, 1250).Select(i => new TableEntity($"p{i % 3}", $"r{i:D5}") { ["I"] = i });

        var transactions = await table.UpsertInBatchesAsync(entities);

        Assert.Equal(15, transactions); // 417 + 417 + 416 rows -> 5 transactions per partition
        var firstPage = await table.QueryPageAsync(null);
        Assert.Equal(1000, firstPage.Entities.Count);
        Assert.NotNull(firstPage.Continuation);
        var all = await table.QueryAsync().ToListAsync();
        Assert.Equal(1250, all.Count);
        Assert.Equal(Enumerable.Range(0, 1250), all.Select(e => e.GetInt32("I")!.Value).Order());
        var filtered = await table.QueryAsync(TableFilter.Ge("I", 1100)).CountAsync();
        Assert.Equal(150, filtered);
    }
}
