using Outreach.Core.Planning;
using Outreach.Storage.Stores.Planning;
using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests.Stores.Planning;

[Collection(AzuriteGroup.Name)]
public sealed class TableTaskStoreTests(AzuriteFixture azurite)
{
    private async Task<TableTaskStore> NewStoreAsync() => new(await StoreTables.NewAsync(azurite, "tasks"));

    [Fact]
    public async Task Every_property_round_trips_exactly_even_with_reserved_characters_in_the_owner_id()
    {
        var store = await NewStoreAsync();
        var task = TaskSamples.Full();

        Assert.True(await store.TryAddAsync(task, CancellationToken.None));
        var read = await store.FindAsync(task.OwnerId, task.TaskId, CancellationToken.None);

        Assert.NotNull(read);
        Assert.False(string.IsNullOrEmpty(read.Version));
        Assert.Equal(["contact-8", "contact-9"], read.AlsoToContactIds);
        Assert.Equal(task.DueUtc.UtcTicks, read.DueUtc.UtcTicks);
        Assert.Equal(task.Score, read.Score);
        Assert.Equal(task.ScoredForUtc!.Value.UtcTicks, read.ScoredForUtc!.Value.UtcTicks);
        Assert.Equal(task, read with { AlsoToContactIds = task.AlsoToContactIds, Version = null });
    }

    [Fact]
    public async Task A_minimal_task_reads_back_with_its_nulls_and_defaults()
    {
        var store = await NewStoreAsync();
        var task = TaskSamples.Plain("a1", "c1", TaskSamples.Now);

        await store.TryAddAsync(task, CancellationToken.None);
        var read = await store.FindAsync("student-1", "a1", CancellationToken.None);

        Assert.Empty(read!.AlsoToContactIds);
        Assert.Equal(task, read with { AlsoToContactIds = task.AlsoToContactIds, Version = null });
    }

    [Fact]
    public async Task A_recipient_recorded_without_a_position_reads_back_as_recorded_not_as_never_recorded()
    {
        var store = await NewStoreAsync();
        var task = TaskSamples.Plain("a1", "c1", TaskSamples.Now) with
        {
            RecipientAtSend = new RecipientAtSend(null),
            MessageStats = new Core.Messaging.Templates.MessageStats(40, 1, 0, OffersHelp: false),
        };

        await store.TryAddAsync(task, CancellationToken.None);
        var read = await store.FindAsync("student-1", "a1", CancellationToken.None);

        Assert.Equal(new RecipientAtSend(null), read!.RecipientAtSend);
        Assert.False(read.MessageStats!.OffersHelp);
    }

    [Fact]
    public async Task Adding_a_task_that_exists_returns_false_and_leaves_the_stored_task_untouched()
    {
        var store = await NewStoreAsync();
        var original = TaskSamples.Plain("a1", "c1", TaskSamples.Now);
        await store.TryAddAsync(original, CancellationToken.None);
        var stored = await store.FindAsync("student-1", "a1", CancellationToken.None);

        var added = await store.TryAddAsync(original with { State = TaskState.Skipped, SkipReason = "replan" }, CancellationToken.None);

        Assert.False(added);
        var after = await store.FindAsync("student-1", "a1", CancellationToken.None);
        Assert.Equal(TaskState.Planned, after!.State);
        Assert.Null(after.SkipReason);
        Assert.Equal(stored!.Version, after.Version);
    }

    [Fact]
    public async Task Replacing_the_version_read_stores_the_move_and_returns_the_new_version()
    {
        var store = await NewStoreAsync();
        await store.TryAddAsync(TaskSamples.Plain("a1", "c1", TaskSamples.Now), CancellationToken.None);
        var read = (await store.FindAsync("student-1", "a1", CancellationToken.None))!;

        var queued = await store.TryReplaceAsync(read.MoveTo(TaskState.Queued), CancellationToken.None);

        Assert.NotNull(queued);
        Assert.NotEqual(read.Version, queued.Version);
        var after = (await store.FindAsync("student-1", "a1", CancellationToken.None))!;
        Assert.Equal(TaskState.Queued, after.State);
        Assert.Equal(queued.Version, after.Version);
    }

    [Fact]
    public async Task A_move_based_on_a_stale_read_loses_the_race_with_a_typed_exception()
    {
        var store = await NewStoreAsync();
        await store.TryAddAsync(TaskSamples.Plain("a1", "c1", TaskSamples.Now), CancellationToken.None);
        var first = (await store.FindAsync("student-1", "a1", CancellationToken.None))!;
        var second = (await store.FindAsync("student-1", "a1", CancellationToken.None))!;
        await store.ReplaceAsync(first.MoveTo(TaskState.Queued), CancellationToken.None);

        var error = await Assert.ThrowsAsync<StorageConcurrencyException>(() => store.ReplaceAsync(second.MoveTo(TaskState.Skipped, "replied"), CancellationToken.None));
        var viaInterface = await store.TryReplaceAsync(second.MoveTo(TaskState.Skipped, "replied"), CancellationToken.None);

        Assert.Equal(412, error.Status);
        Assert.Null(viaInterface);
        Assert.Equal(TaskState.Queued, (await store.FindAsync("student-1", "a1", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Replacing_a_task_never_read_from_the_store_is_refused_before_any_request()
    {
        var store = await NewStoreAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.TryReplaceAsync(TaskSamples.Plain("a1", "c1", TaskSamples.Now), CancellationToken.None));

        Assert.Equal("task", error.ParamName);
    }

    [Fact]
    public async Task A_contacts_tasks_come_from_the_owners_partition_only_ordered_by_due_time()
    {
        var store = await NewStoreAsync();
        await store.TryAddAsync(TaskSamples.Plain("t3", "c1", TaskSamples.Now.AddDays(1)), CancellationToken.None);
        await store.TryAddAsync(TaskSamples.Plain("t1", "c1", TaskSamples.Now.AddDays(2)), CancellationToken.None);
        await store.TryAddAsync(TaskSamples.Plain("t2", "c2", TaskSamples.Now), CancellationToken.None);
        await store.TryAddAsync(TaskSamples.Plain("t4", "c1", TaskSamples.Now, ownerId: "student-2"), CancellationToken.None);

        var tasks = await store.ListForContactAsync("student-1", "c1", CancellationToken.None);

        Assert.Equal(["t3", "t1"], tasks.Select(t => t.TaskId));
    }
}
