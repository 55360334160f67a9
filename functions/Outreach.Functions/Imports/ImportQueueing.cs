using System.Text.Json;
using Outreach.Core;
using Outreach.Storage;

namespace Outreach.Functions.Imports;

/// <summary>
/// Queues an import for <c>ImportContacts</c>: its record saved as queued, then its message sent, then the record marked
/// as sent (<see cref="ImportRecord.MessageSentUtc"/>). The mark is written only over the version saved before the message
/// went out, so it never undoes what a delivery that came first saved; and since a process can stop between the save and
/// the send, a queued record without the mark that no delivery has reached is known to have lost its message
/// (<see cref="ImportStall"/>) within <see cref="ImportsOptions.StalledAfter"/> rather than once the message would have
/// expired, a day later.
/// </summary>
internal static class ImportQueueing
{
    /// <summary>How long saving the record of an import whose message could not be sent may take, once the request itself may be gone.</summary>
    private static readonly TimeSpan FailureRecordingTime = TimeSpan.FromSeconds(30);

    /// <summary>How many times a conditional write of the record (the sent mark, or the failure of a send) is tried over a record saved meanwhile.</summary>
    private const int MaxWrites = 3;

    /// <summary>
    /// Saves <paramref name="queued"/> (a new import's record, queued) and queues it (<see cref="SendAsync"/>). A message
    /// that could not be sent leaves the record failed, nothing imported, and the failure goes on to the caller.
    /// </summary>
    public static async Task QueueAsync(ImportStorage storage, ImportRecord queued, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        await storage.Records.SaveAsync(queued, cancellationToken).ConfigureAwait(false);
        await SendAsync(storage, queued, time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the message of an import whose queued record (<paramref name="queued"/>) is saved, and marks the record as
    /// sent. A message that could not be sent (storage failing, the caller gone) would leave the record queued with nothing
    /// ever to run it: it is saved as failed instead, and the failure goes on to the caller; unless a delivery of the message
    /// has reached the import by then, which shows that only the answer to the send was lost: the import runs, and this
    /// returns as for a message sent.
    /// </summary>
    public static async Task SendAsync(ImportStorage storage, ImportRecord queued, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(queued);
        ArgumentNullException.ThrowIfNull(time);
        VersionedImportRecord? saved;
        try
        {
            // The version the message goes out after: a delivery's save replaces it, so the mark below cannot undo one.
            saved = await storage.Records.FindVersionedAsync(queued.OwnerId, queued.Id, cancellationToken).ConfigureAwait(false);
            await storage.Queue.SendAsync(
                JsonSerializer.Serialize(new ImportQueueMessage(queued.OwnerId, queued.Id, queued.Retries), JsonSerializerOptions.Web),
                timeToLive: ImportQueueMessage.TimeToLive,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not DomainException)
        {
            // The request's token may be what ended it: the failure is recorded on a token of its own, bounded in time.
            using var recording = new CancellationTokenSource(FailureRecordingTime);
            if (await RecordNotQueuedAsync(storage.Records, queued, time, recording.Token).ConfigureAwait(false))
            {
                throw;
            }

            // A delivery of this queuing has reached the import: the message went out and only the answer to sending it was
            // lost. The import runs (or has run), so it is answered as queued, not failed.
            return;
        }

        try
        {
            await MarkSentAsync(storage.Records, saved, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (StorageRequestException)
        {
            // The message is out, so the import runs: answering with a failure would have the file uploaded twice. The record
            // missing the mark only lets it be taken for lost if no delivery reaches it within Imports:StalledAfter.
        }
    }

    /// <summary>
    /// Saves the record of an import whose message seemed not to go out as failed (<see cref="ImportsApi.NotQueued"/>), over
    /// the version read, while it is still waiting for this queuing's first delivery; true when it is failed (or erased, or
    /// settled by someone else). False when a delivery of this queuing has reached it: the message did go out, the import
    /// runs, and marking it failed would write over that run's record.
    /// </summary>
    private static async Task<bool> RecordNotQueuedAsync(ImportRecordStore records, ImportRecord queued, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxWrites; attempt++)
        {
            var current = await records.FindVersionedAsync(queued.OwnerId, queued.Id, cancellationToken).ConfigureAwait(false);
            switch (current?.Record)
            {
                case null:
                    return true;
                case { Deliveries: > 0 } reached when reached.Retries == queued.Retries:
                    return false;
                case { Status: ImportStatus.Queued } waiting when waiting.Retries == queued.Retries:
                    if (await records.ReplaceAsync(waiting.Failed(ImportsApi.NotQueued, reached: null, time.GetUtcNow()), current.Version, cancellationToken).ConfigureAwait(false))
                    {
                        return true;
                    }

                    break; // saved meanwhile (a delivery claiming it?): read it again
                default:
                    return true;
            }
        }

        return true;
    }

    /// <summary>Marks the record as sent, over the version read before the send, or over a later one that still says it is waiting for its first delivery.</summary>
    private static async Task MarkSentAsync(ImportRecordStore records, VersionedImportRecord? saved, DateTimeOffset sentUtc, CancellationToken cancellationToken)
    {
        for (var mark = 1; mark <= MaxWrites && saved is { Record: { Status: ImportStatus.Queued, MessageSentUtc: null, Deliveries: 0 } }; mark++)
        {
            if (await records.ReplaceAsync(saved.Record with { MessageSentUtc = sentUtc }, saved.Version, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            saved = await records.FindVersionedAsync(saved.Record.OwnerId, saved.Record.Id, cancellationToken).ConfigureAwait(false);
        }
    }
}
