using Outreach.Core.Planning;
using Outreach.Storage.Stores.Planning;
using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests.Stores.Planning;

[Collection(AzuriteGroup.Name)]
public sealed class TableSenderActivityStoreTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Monday = new(2026, 3, 9);
    private static readonly DateTimeOffset At = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

    private async Task<TableSenderActivityStore> NewStoreAsync() => new(await StoreTables.NewAsync(azurite, "activity"));

    [Fact]
    public async Task An_owner_who_never_sent_has_no_activity()
    {
        var store = await NewStoreAsync();

        Assert.Equal(SenderActivity.None, await store.GetAsync("owner-1", CancellationToken.None));
    }

    [Fact]
    public async Task Sends_count_up_within_the_local_day_and_restart_on_the_next()
    {
        var store = await NewStoreAsync();
        await store.RecordSendAsync("owner-1", Monday, At, CancellationToken.None);
        await store.RecordSendAsync("owner-1", Monday, At.AddMinutes(2), CancellationToken.None);

        Assert.Equal(new SenderActivity(Monday, 2, At.AddMinutes(2)), await store.GetAsync("owner-1", CancellationToken.None));

        var tuesday = await store.RecordSendAsync("owner-1", Monday.AddDays(1), At.AddDays(1), CancellationToken.None);

        Assert.Equal(new SenderActivity(Monday.AddDays(1), 1, At.AddDays(1)), tuesday);
        Assert.Equal(tuesday, await store.GetAsync("owner-1", CancellationToken.None));
    }

    [Fact]
    public async Task The_latest_queued_send_round_trips_only_moves_later_and_a_send_keeps_it()
    {
        var store = await NewStoreAsync();
        await store.RecordQueuedAsync("owner-1", At.AddMinutes(4), CancellationToken.None);
        await store.RecordQueuedAsync("owner-1", At.AddMinutes(2), CancellationToken.None);
        await store.RecordSendAsync("owner-1", Monday, At, CancellationToken.None);
        await store.RecordSendAsync("owner-1", Monday.AddDays(1), At.AddDays(1), CancellationToken.None);

        var stored = await store.GetAsync("owner-1", CancellationToken.None);

        Assert.Equal(new SenderActivity(Monday.AddDays(1), 1, At.AddDays(1)) { LatestQueuedUtc = At.AddMinutes(4) }, stored);
    }

    [Fact]
    public async Task Eight_concurrent_senders_of_one_owner_lose_no_count()
    {
        var store = await NewStoreAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.RecordSendAsync("owner-1", Monday, At.AddSeconds(i), CancellationToken.None)));

        Assert.Equal(new SenderActivity(Monday, 8, At.AddSeconds(7)), await store.GetAsync("owner-1", CancellationToken.None));
    }

    [Fact]
    public async Task Of_eight_concurrent_reservations_under_a_cap_of_three_exactly_three_pass()
    {
        var store = await NewStoreAsync();

        var reserved = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.TryReserveSendAsync("owner-1", Monday, 3, CancellationToken.None))));

        Assert.Equal(3, reserved.Count(r => r));
        Assert.Equal(new SenderActivity(Monday, 3, null), await store.GetAsync("owner-1", CancellationToken.None));
    }

    [Fact]
    public async Task A_released_reservation_frees_its_place_and_a_reserved_send_sets_the_last_send_without_counting_again()
    {
        var store = await NewStoreAsync();
        Assert.True(await store.TryReserveSendAsync("owner-1", Monday, 1, CancellationToken.None));
        Assert.False(await store.TryReserveSendAsync("owner-1", Monday, 1, CancellationToken.None));

        await store.ReleaseSendAsync("owner-1", Monday, CancellationToken.None);
        Assert.True(await store.TryReserveSendAsync("owner-1", Monday, 1, CancellationToken.None));
        await store.RecordReservedSentAsync("owner-1", At, CancellationToken.None);

        Assert.Equal(new SenderActivity(Monday, 1, At), await store.GetAsync("owner-1", CancellationToken.None));
    }

    [Fact]
    public async Task The_dispatch_cursor_is_absent_until_written_and_then_reads_back_exactly()
    {
        var cursor = new TableDispatchCursorStore(await StoreTables.NewAsync(azurite, "cursor"));

        Assert.Null(await cursor.ReadAsync(CancellationToken.None));
        await cursor.WriteAsync(At, CancellationToken.None);
        await cursor.WriteAsync(At.AddMinutes(5), CancellationToken.None);

        Assert.Equal(At.AddMinutes(5), await cursor.ReadAsync(CancellationToken.None));
    }
}
