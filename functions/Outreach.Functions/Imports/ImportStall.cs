namespace Outreach.Functions.Imports;

/// <summary>
/// Tells an import that stopped without finishing from one still being worked on, and writes its record as what it is.
/// A run that dies (its instance recycled or killed, the last delivery of its queue message cut short) cannot record
/// that it failed, so its record would say <c>queued</c> or <c>running</c> for ever. An import is still being worked on
/// while its run holds the owner's import lease (<see cref="ImportLeases"/>, renewed every 20 seconds), or has shown
/// another sign of life (<see cref="ImportRecord.ActiveUtc"/>: queued, a delivery started, progress written) within
/// <see cref="ImportsOptions.StalledAfter"/>, or while a delivery of its queue message may still come: the message
/// recorded as sent (<see cref="ImportRecord.MessageSentUtc"/>) or delivered, fewer deliveries started than the host's
/// <c>maxDequeueCount</c> (and its last not yet come and left the import to a run live then,
/// <see cref="ImportRecord.DeliveriesSpentUtc"/>), and the message not yet past its time to live (<see cref="ImportQueueMessage.TimeToLive"/>,
/// from when it was sent). Past all of these, nothing will ever work on it again: it has stopped. A queued import whose
/// message was never recorded as sent nor delivered within <see cref="ImportsOptions.StalledAfter"/> is taken for one
/// whose process stopped before sending it; should its message come after all, the delivery finds it failed and leaves
/// it so, so what the owner was told (nothing imported) stays true.
/// </summary>
internal static class ImportStall
{
    /// <summary>Whether <paramref name="record"/> has stopped without finishing, judged at <paramref name="now"/>.</summary>
    /// <param name="record">The import as stored.</param>
    /// <param name="lease">The owner's import lease as stored (it may have run out), or null when nobody holds it.</param>
    /// <param name="maxDeliveries">How many times the host delivers a queue message before it gives up (<c>maxDequeueCount</c>).</param>
    /// <param name="stalledAfter">How long a live import can go without a sign of life (<see cref="ImportsOptions.StalledAfter"/>).</param>
    /// <param name="now">Now, on the clock the record and the lease were written with.</param>
    public static bool HasStopped(ImportRecord record, ImportLeaseHolder? lease, long maxDeliveries, TimeSpan stalledAfter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Status is not (ImportStatus.Queued or ImportStatus.Running))
        {
            return false;
        }

        var leased = lease is not null && string.Equals(lease.HolderId, record.Id, StringComparison.Ordinal);
        if (leased && lease!.HeldUntil > now)
        {
            return false;
        }

        // The last sign of life: a write of the record, or the last renewal of the lease the run held.
        var lastSign = record.ActiveUtc ?? record.CreatedUtc;
        if (leased && lease!.HeldUntil - ImportLeases.Duration > lastSign)
        {
            lastSign = lease.HeldUntil - ImportLeases.Duration;
        }

        if (now - lastSign < stalledAfter)
        {
            return false;
        }

        // Nothing has worked on it for a while: only a delivery of its queue message still could. A record from before
        // deliveries were counted may have been queued; one imported while its caller waited never was.
        // The host's last delivery may have come already and left it to a run that was live then (DeliveriesSpentUtc).
        var mayBeDelivered = (record.ActiveUtc is null || record.Deliveries < maxDeliveries) && record.DeliveriesSpentUtc is null;
        if (!mayBeDelivered)
        {
            return true;
        }

        // Queued, and never recorded as sent nor delivered: the process queuing it stopped before its message went out (or,
        // rarely, just after, with no delivery since), so none will come. Records from before the queuing was recorded
        // (no QueuedUtc) wait out their message's life instead.
        if (record.QueuedUtc is not null && record.MessageSentUtc is null && record.Deliveries is 0)
        {
            return true;
        }

        // The message lives from when it was sent: a retried import's from its retry, not from the upload.
        var messageLife = record.ActiveUtc is null ? ImportQueueMessage.DefaultTimeToLive : ImportQueueMessage.TimeToLive;
        return now - (record.MessageSentUtc ?? record.QueuedUtc ?? record.CreatedUtc) >= messageLife + stalledAfter;
    }

    /// <summary>
    /// The record of an import that has stopped (<see cref="HasStopped"/>): failed, saying so, with the counts of the rows
    /// whose contacts it had stored (the last progress it wrote; rows after it may be stored too) and to retry it.
    /// </summary>
    public static ImportRecord Stopped(ImportRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        const string Died = "This import stopped without finishing: the server running it stopped before the import could complete or record why.";
        const string Again = "re-importing changes nothing already imported.";
        var counts = record.Counts;
        var error = record.Status == ImportStatus.Queued
            ? "This import never started: it was queued, but its turn was lost before it could run, so nothing was imported. Retry it."
            : counts.Rows > 0
                ? $"{Died} The contacts of at least its first {counts.Rows} rows are stored ({counts.Accepted} new, {counts.Merged} merged, " +
                  $"{counts.AlreadyKnown} already known, {counts.Rejected} rejected); nothing stored is lost. Retry it to import the rest: {Again}"
                : $"{Died} Whatever contacts it had stored are kept. Retry it to import the file: {Again}";
        return record.Failed(error, reached: null, now);
    }
}
