using Outreach.Core.Analytics.Counters;
using Outreach.Storage.Stores.Analytics;
using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests.Stores.Analytics;

[Collection(AzuriteGroup.Name)]
public sealed class TableCounterStoreTests(AzuriteFixture azurite)
{
    private const string AwkwardEvent = "C# / Q&A? \\ night #2";
    private static readonly DateOnly Day = new(2026, 11, 20);

    private async Task<TableCounterStore> NewStoreAsync() => new(await StoreTables.NewAsync(azurite, "counters"));

    private static CounterIncrement Sent(string fact, string subject = "contact-1", string value = AwkwardEvent, DateOnly? day = null, long delta = 1) =>
        new(new CellKey("owner/1", day ?? Day, DimensionKind.Event, value), CounterNames.Sent, delta, new DedupeKey("owner/1", subject, fact));

    private static long CountOf(IReadOnlyList<CounterCell> cells, string value, string counter) =>
        cells.Single(c => c.Key.Value == value).Counters[counter];

    [Fact]
    public async Task Applying_the_same_increments_twice_counts_them_once()
    {
        var store = await NewStoreAsync();
        CounterIncrement[] increments = [Sent("sent:task-1"), Sent("sent:task-2", delta: 3), Sent("sent:task-1", value: "fair")];

        var first = await store.ApplyAsync(increments, CancellationToken.None);
        var second = await store.ApplyAsync(increments, CancellationToken.None);

        Assert.Equal((3, 0), (first, second));
        var cells = await store.ReadAsync("owner/1", DimensionKind.Event, Day, Day, CancellationToken.None);
        Assert.Equal(4, CountOf(cells, AwkwardEvent, CounterNames.Sent));
        Assert.Equal(1, CountOf(cells, "fair", CounterNames.Sent));
    }

    [Fact]
    public async Task Eight_concurrent_appliers_on_one_cell_give_the_exact_total()
    {
        var store = await NewStoreAsync();

        var applied = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            store.ApplyAsync([Sent($"sent:task-{i}", $"contact-{i}"), Sent($"sent:task-{i}-b", $"contact-{i}")], CancellationToken.None)));

        Assert.Equal(16, applied.Sum());
        var cell = Assert.Single(await store.ReadAsync("owner/1", DimensionKind.Event, Day, Day, CancellationToken.None));
        Assert.Equal(new CellKey("owner/1", Day, DimensionKind.Event, AwkwardEvent), cell.Key);
        Assert.Equal(16, cell.Counters[CounterNames.Sent]);
    }

    [Fact]
    public async Task A_range_read_returns_the_days_asked_for_and_no_markers()
    {
        var store = await NewStoreAsync();
        await store.ApplyAsync(
            [Sent("a", day: Day.AddDays(-1)), Sent("b"), Sent("c", day: Day.AddDays(1)), Sent("d", day: Day.AddDays(2))],
            CancellationToken.None);

        var cells = await store.ReadAsync("owner/1", DimensionKind.Event, Day, Day.AddDays(1), CancellationToken.None);

        Assert.Equal([Day, Day.AddDays(1)], cells.Select(c => c.Key.Day));
        Assert.All(cells, c => Assert.Equal(new Dictionary<string, long> { [CounterNames.Sent] = 1 }, c.Counters));
        Assert.Empty(await store.ReadAsync("owner/1", DimensionKind.Campaign, Day, Day, CancellationToken.None));
    }

    [Fact]
    public async Task Counters_of_one_cell_are_kept_side_by_side()
    {
        var store = await NewStoreAsync();
        var cell = new CellKey("owner/1", Day, DimensionKind.Owner, "owner/1");
        var dedupe = new DedupeKey("owner/1", "contact-1", "sent:task-1");

        await store.ApplyAsync(
            [new(cell, CounterNames.Sent, 1, dedupe), new(cell, CounterNames.BinSent(2), 1, dedupe), new(cell, CounterNames.BinPredictedMicros(2), 51_000, dedupe)],
            CancellationToken.None);

        var read = Assert.Single(await store.ReadAsync("owner/1", DimensionKind.Owner, Day, Day, CancellationToken.None));
        Assert.Equal(new Dictionary<string, long> { ["sent"] = 1, ["bin2_sent"] = 1, ["bin2_predicted_micros"] = 51_000 }, read.Counters);
    }

    [Fact]
    public async Task Erasing_a_contact_deletes_its_markers_and_keeps_the_counts()
    {
        var store = await NewStoreAsync();
        await store.ApplyAsync([Sent("sent:task-1"), Sent("sent:task-2"), Sent("sent:task-3", "contact-2")], CancellationToken.None);

        var erased = await store.EraseSubjectAsync("owner/1", "contact-1", CancellationToken.None);
        var againErased = await store.EraseSubjectAsync("owner/1", "contact-1", CancellationToken.None);

        Assert.Equal((2, 0), (erased, againErased));
        Assert.Equal(3, CountOf(await store.ReadAsync("owner/1", DimensionKind.Event, Day, Day, CancellationToken.None), AwkwardEvent, CounterNames.Sent));
        // The markers are gone, so a redelivery for the erased contact counts again; the other contact's does not.
        Assert.Equal(1, await store.ApplyAsync([Sent("sent:task-1"), Sent("sent:task-3", "contact-2")], CancellationToken.None));
    }

    [Fact]
    public async Task A_non_positive_delta_is_refused_before_anything_is_applied()
    {
        var store = await NewStoreAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ApplyAsync([Sent("a"), Sent("b", delta: 0)], CancellationToken.None));

        Assert.Empty(await store.ReadAsync("owner/1", DimensionKind.Event, Day, Day, CancellationToken.None));
    }

    [Fact]
    public async Task Two_hundred_fifty_increments_on_one_cell_are_counted_across_transactions()
    {
        var store = await NewStoreAsync();
        var increments = Enumerable.Range(0, 250).Select(i => Sent($"met:{i}", $"contact-{i}")).ToList();

        var applied = await store.ApplyAsync(increments, CancellationToken.None);

        Assert.Equal(250, applied);
        Assert.Equal(250, CountOf(await store.ReadAsync("owner/1", DimensionKind.Event, Day, Day, CancellationToken.None), AwkwardEvent, CounterNames.Sent));
        Assert.Equal(0, await store.ApplyAsync(increments, CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_mixing_counted_and_new_facts_counts_only_the_new_ones()
    {
        var store = await NewStoreAsync();
        // Counted before, one at a time: every third fact, including the first and the last of the batch below.
        foreach (var i in Enumerable.Range(0, 150).Where(i => i % 3 == 0 || i == 149))
        {
            await store.ApplyAsync([Sent($"met:{i}", $"contact-{i}")], CancellationToken.None);
        }

        var applied = await store.ApplyAsync(
            [.. Enumerable.Range(0, 150).Select(i => Sent($"met:{i}", $"contact-{i}")), Sent("met:other", value: "fair")], CancellationToken.None);

        var countedBefore = Enumerable.Range(0, 150).Count(i => i % 3 == 0 || i == 149);
        Assert.Equal(150 - countedBefore + 1, applied);
        var cells = await store.ReadAsync("owner/1", DimensionKind.Event, Day, Day, CancellationToken.None);
        Assert.Equal(150, CountOf(cells, AwkwardEvent, CounterNames.Sent));
        Assert.Equal(1, CountOf(cells, "fair", CounterNames.Sent));
    }

    [Fact]
    public async Task The_same_fact_twice_in_one_list_counts_once()
    {
        var store = await NewStoreAsync();

        var applied = await store.ApplyAsync([Sent("met:1"), Sent("met:2"), Sent("met:1")], CancellationToken.None);

        Assert.Equal(2, applied);
        Assert.Equal(2, CountOf(await store.ReadAsync("owner/1", DimensionKind.Event, Day, Day, CancellationToken.None), AwkwardEvent, CounterNames.Sent));
    }

    [Fact]
    public async Task Concurrent_batches_overlapping_on_one_cell_count_each_fact_once()
    {
        var store = await NewStoreAsync();

        // Four appliers, each with 120 facts, every fact shared by two of them.
        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(a =>
            store.ApplyAsync([.. Enumerable.Range(a * 60, 120).Select(i => Sent($"met:{i % 240}", $"contact-{i % 240}"))], CancellationToken.None)));

        Assert.Equal(240, applied.Sum());
        Assert.Equal(240, CountOf(await store.ReadAsync("owner/1", DimensionKind.Event, Day, Day, CancellationToken.None), AwkwardEvent, CounterNames.Sent));
    }

    [Fact]
    public async Task Erasing_one_contact_of_a_large_batch_lets_only_its_fact_count_again()
    {
        var store = await NewStoreAsync();
        var increments = Enumerable.Range(0, 120).Select(i => Sent($"met:{i}", $"contact-{i}")).ToList();
        await store.ApplyAsync(increments, CancellationToken.None);

        var erased = await store.EraseSubjectAsync("owner/1", "contact-7", CancellationToken.None);

        Assert.Equal(1, erased);
        Assert.Equal(1, await store.ApplyAsync(increments, CancellationToken.None));
        Assert.Equal(121, CountOf(await store.ReadAsync("owner/1", DimensionKind.Event, Day, Day, CancellationToken.None), AwkwardEvent, CounterNames.Sent));
    }
}
