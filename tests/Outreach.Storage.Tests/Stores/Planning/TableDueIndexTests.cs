using Outreach.Core.Planning;
using Outreach.Storage.Stores.Planning;
using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests.Stores.Planning;

[Collection(AzuriteGroup.Name)]
public sealed class TableDueIndexTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Due = new(2026, 3, 9, 9, 2, 0, TimeSpan.Zero);

    private async Task<TableDueIndex> NewIndexAsync() => new(await StoreTables.NewAsync(azurite, "due"));

    [Fact]
    public async Task A_bucket_read_returns_only_that_buckets_entries_with_ids_containing_separators_intact()
    {
        var index = await NewIndexAsync();
        var odd = new DueIndexEntry("due-202603090900", "owner|a/b", "task#1?", Due);
        var plain = new DueIndexEntry("due-202603090900", "owner-2", "task-2", Due.AddMinutes(1));
        await index.UpsertAsync(odd, CancellationToken.None);
        await index.UpsertAsync(plain, CancellationToken.None);
        await index.UpsertAsync(new DueIndexEntry("due-202603090905", "owner-2", "task-3", Due.AddMinutes(5)), CancellationToken.None);

        var entries = await index.ReadBucketAsync("due-202603090900", CancellationToken.None);

        Assert.Equal([odd, plain], entries.OrderBy(e => e.TaskId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Re_indexing_a_task_keeps_one_entry_and_removing_it_twice_is_harmless()
    {
        var index = await NewIndexAsync();
        var entry = new DueIndexEntry("due-202603090900", "owner-1", "task-1", Due);
        await index.UpsertAsync(entry, CancellationToken.None);
        await index.UpsertAsync(entry with { DueUtc = Due.AddMinutes(2) }, CancellationToken.None);

        Assert.Equal([entry with { DueUtc = Due.AddMinutes(2) }], await index.ReadBucketAsync("due-202603090900", CancellationToken.None));

        await index.RemoveAsync(entry, CancellationToken.None);
        await index.RemoveAsync(entry, CancellationToken.None);
        Assert.Empty(await index.ReadBucketAsync("due-202603090900", CancellationToken.None));
    }

    [Fact]
    public async Task Many_entries_upserted_in_batches_read_back_across_pages()
    {
        var index = await NewIndexAsync();
        var entries = Enumerable.Range(0, 1_250).Select(i => new DueIndexEntry("due-202603090900", $"owner-{i % 7}", $"task-{i:0000}", Due)).ToList();

        var transactions = await index.UpsertManyAsync(entries, CancellationToken.None);

        Assert.Equal(13, transactions);
        Assert.Equal(1_250, (await index.ReadBucketAsync("due-202603090900", CancellationToken.None)).Count);
    }
}
