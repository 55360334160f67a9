using Outreach.Functions.Imports;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// When a queued or running import has stopped without finishing (<see cref="ImportStall"/>): never while its run holds
/// the owner's lease, shows another sign of life, or a delivery of its queue message may still come; always once none can.
/// </summary>
public sealed class ImportStallTests
{
    private const int MaxDeliveries = 5;

    private static readonly TimeSpan StalledAfter = TimeSpan.FromMinutes(10);

    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Imported while its caller waited: written as it ran, never queued.</summary>
    private static readonly ImportRecord AtOnce = new()
    {
        Id = "0000000000000000001-aaaaaaaa",
        OwnerId = "owner-1",
        Status = ImportStatus.Running,
        FileName = "Connections.csv",
        CreatedUtc = Start,
        ActiveUtc = Start,
        Counts = new ImportCounts(300, 250, 20, 10, 20),
    };

    private static readonly ImportRecord Queued = AtOnce with { Status = ImportStatus.Queued, Deliveries = 0, Counts = new ImportCounts(0, 0, 0, 0, 0) };

    [Fact]
    public void A_run_holding_its_lease_is_under_way_however_long_ago_it_last_wrote_its_record()
    {
        var now = Start.AddHours(3);
        var lease = new ImportLeaseHolder(AtOnce.Id, now.AddSeconds(40));

        Assert.False(ImportStall.HasStopped(AtOnce, lease, MaxDeliveries, StalledAfter, now));
        Assert.False(ImportStall.HasStopped(AtOnce with { Deliveries = MaxDeliveries }, lease, MaxDeliveries, StalledAfter, now));
    }

    [Fact]
    public void A_run_at_once_whose_lease_ran_out_has_stopped_once_nothing_worked_on_it_for_the_stall_time()
    {
        // Its lease last renewed 20 minutes in, so it held until 21 minutes in.
        var lease = new ImportLeaseHolder(AtOnce.Id, Start.AddMinutes(21));

        Assert.False(ImportStall.HasStopped(AtOnce, lease, MaxDeliveries, StalledAfter, Start.AddMinutes(29)));
        Assert.True(ImportStall.HasStopped(AtOnce, lease, MaxDeliveries, StalledAfter, Start.AddMinutes(30)));
        Assert.False(ImportStall.HasStopped(AtOnce, lease: null, MaxDeliveries, StalledAfter, Start.AddMinutes(9)));
        Assert.True(ImportStall.HasStopped(AtOnce, lease: null, MaxDeliveries, StalledAfter, Start.AddMinutes(10)));
        Assert.True(ImportStall.HasStopped(AtOnce, new ImportLeaseHolder("another-import", Start.AddHours(1)), MaxDeliveries, StalledAfter, Start.AddMinutes(10)));
    }

    [Fact]
    public void A_queued_import_whose_message_may_still_be_delivered_is_under_way_until_the_message_has_expired()
    {
        var waiting = Start + ImportQueueMessage.TimeToLive + StalledAfter;
        var retrying = Queued with { Status = ImportStatus.Running, Deliveries = MaxDeliveries - 1, ActiveUtc = Start.AddMinutes(5) };

        Assert.False(ImportStall.HasStopped(Queued, lease: null, MaxDeliveries, StalledAfter, Start.AddHours(2)));
        Assert.False(ImportStall.HasStopped(Queued, lease: null, MaxDeliveries, StalledAfter, waiting.AddSeconds(-1)));
        Assert.True(ImportStall.HasStopped(Queued, lease: null, MaxDeliveries, StalledAfter, waiting));
        Assert.False(ImportStall.HasStopped(retrying, lease: null, MaxDeliveries, StalledAfter, Start.AddHours(2)));
        Assert.True(ImportStall.HasStopped(retrying, lease: null, MaxDeliveries, StalledAfter, waiting));
    }

    [Fact]
    public void A_queued_import_whose_message_was_never_recorded_sent_nor_delivered_has_stopped_once_nothing_worked_on_it_for_the_stall_time()
    {
        var unsent = Queued with { QueuedUtc = Start };
        var sent = unsent with { MessageSentUtc = Start.AddSeconds(1) };
        var delivered = unsent with { Status = ImportStatus.Running, Deliveries = 1, ActiveUtc = Start.AddMinutes(1) };

        Assert.False(ImportStall.HasStopped(unsent, lease: null, MaxDeliveries, StalledAfter, Start.AddMinutes(10).AddSeconds(-1)));
        Assert.True(ImportStall.HasStopped(unsent, lease: null, MaxDeliveries, StalledAfter, Start.AddMinutes(10)));
        Assert.False(ImportStall.HasStopped(sent, lease: null, MaxDeliveries, StalledAfter, Start.AddHours(2)));
        Assert.False(ImportStall.HasStopped(delivered, lease: null, MaxDeliveries, StalledAfter, Start.AddHours(2)));
        Assert.True(ImportStall.HasStopped(sent, lease: null, MaxDeliveries, StalledAfter, Start.AddSeconds(1) + ImportQueueMessage.TimeToLive + StalledAfter));
    }

    [Fact]
    public void A_message_queued_again_long_after_the_upload_lives_from_when_it_was_sent()
    {
        var requeued = Queued with { CreatedUtc = Start.AddDays(-3), QueuedUtc = Start, MessageSentUtc = Start.AddSeconds(1) };

        Assert.False(ImportStall.HasStopped(requeued, lease: null, MaxDeliveries, StalledAfter, Start.AddHours(2)));
        Assert.True(ImportStall.HasStopped(requeued, lease: null, MaxDeliveries, StalledAfter, Start.AddSeconds(1) + ImportQueueMessage.TimeToLive + StalledAfter));
    }

    [Fact]
    public void A_queued_import_whose_last_delivery_died_has_stopped_once_nothing_worked_on_it_for_the_stall_time()
    {
        var last = Queued with { Status = ImportStatus.Running, Deliveries = MaxDeliveries, ActiveUtc = Start.AddMinutes(30) };

        Assert.False(ImportStall.HasStopped(last, lease: null, MaxDeliveries, StalledAfter, Start.AddMinutes(39)));
        Assert.True(ImportStall.HasStopped(last, lease: null, MaxDeliveries, StalledAfter, Start.AddMinutes(40)));
    }

    [Fact]
    public void A_record_from_before_signs_of_life_were_kept_may_have_been_queued_so_waits_out_the_old_message_life()
    {
        var old = AtOnce with { ActiveUtc = null };
        var expired = Start + ImportQueueMessage.DefaultTimeToLive + StalledAfter;

        Assert.False(ImportStall.HasStopped(old, lease: null, MaxDeliveries, StalledAfter, expired.AddSeconds(-1)));
        Assert.True(ImportStall.HasStopped(old, lease: null, MaxDeliveries, StalledAfter, expired));
    }

    [Fact]
    public void A_finished_import_never_stops()
    {
        var late = Start.AddDays(30);

        Assert.False(ImportStall.HasStopped(AtOnce with { Status = ImportStatus.Completed }, lease: null, MaxDeliveries, StalledAfter, late));
        Assert.False(ImportStall.HasStopped(AtOnce with { Status = ImportStatus.Failed }, lease: null, MaxDeliveries, StalledAfter, late));
    }

    [Fact]
    public void A_stopped_import_is_failed_saying_what_it_had_stored_and_to_upload_the_file_again()
    {
        var now = Start.AddMinutes(15);

        var reached = ImportStall.Stopped(AtOnce with { Progress = new ImportRecordProgress(300, 30_000, 90_000, 33) }, now);
        var early = ImportStall.Stopped(AtOnce with { Counts = new ImportCounts(0, 0, 0, 0, 0) }, now);
        var neverRan = ImportStall.Stopped(Queued, now);

        Assert.Equal((ImportStatus.Failed, now, null), (reached.Status, reached.CompletedUtc, reached.Progress));
        Assert.Equal(AtOnce.Counts, reached.Counts);
        Assert.Equal(
            "This import stopped without finishing: the server running it stopped before the import could complete or record why. " +
            "The contacts of at least its first 300 rows are stored (250 new, 20 merged, 10 already known, 20 rejected); nothing stored is lost. " +
            "Retry it to import the rest: re-importing changes nothing already imported.",
            reached.Error);
        Assert.EndsWith("Whatever contacts it had stored are kept. Retry it to import the file: re-importing changes nothing already imported.", early.Error, StringComparison.Ordinal);
        Assert.Equal(
            "This import never started: it was queued, but its turn was lost before it could run, so nothing was imported. Retry it.",
            neverRan.Error);
    }
}
