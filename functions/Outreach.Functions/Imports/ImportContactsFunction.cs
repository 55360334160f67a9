using System.Text.Json;
using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Functions.Hosting;
using Outreach.Functions.Invocation;

namespace Outreach.Functions.Imports;

/// <summary>
/// The queue consumer of <c>import-contacts</c>: runs a large upload stored by <c>StartImport</c> and completes its
/// record. A file that cannot be read (a <see cref="DomainException"/>) fails the import at once: trying again would
/// fail the same way. Another import of the owner still writing (<c>import.owner-busy</c>) fails the delivery instead,
/// so the import runs on a later one. Every write is conditional on what is stored (<see cref="ImportRun"/>): a delivery
/// claims the import as running only over the version it judged, and a late or duplicate delivery never writes over a
/// newer state. A completed import is left as it is; a failed one (a stall verdict, <see cref="StoppedImports"/>, or a
/// failure recorded) runs again only when its owner retries it; one another delivery is still running (holding the
/// owner's lease) is left to it; a message of an earlier queuing than the last (sent before a retry) is spent. Anything else (storage down) fails the delivery so the host tries again; on the last delivery
/// (<c>maxDequeueCount</c>) the import is marked failed first, with the counts of the rows it had stored and how to go
/// on (<see cref="ImportRecord.Failed"/>), and the message then goes to the poison queue; one another delivery is running
/// is not failed under that run, only marked as having had its last delivery (<see cref="ImportRecord.DeliveriesSpentUtc"/>). Running an
/// import twice is harmless (re-importing changes nothing), a completed import is not run again, and a delivery that
/// runs an import cut short before reports its rows nearly as one uninterrupted run would: the contacts the earlier
/// attempt created carry this import's id as their source, so their rows count as new and merged, not as already known.
/// A row the earlier attempt merged into a contact that existed before finds nothing left to add and counts as already
/// known; its contact is enrolled and its meeting counted all the same (<see cref="ImportRunner"/>). An import a coach
/// started for a client runs only while the client's consent still grants write (and send, with a campaign): withdrawn
/// in the meantime, the import fails saying so and nothing lands in the client's account.
/// </summary>
internal sealed partial class ImportContactsFunction(
    Lazy<ImportStorage> storage, Lazy<ImportRunner> runner, Lazy<ImportLeases> leases, Lazy<AccountService> accounts, FunctionApp app, TimeProvider time, ILogger<ImportContactsFunction> logger)
    : IQueueFunction
{
    public const string FunctionName = "ImportContacts";

    /// <summary>The error of a coach's queued import whose client withdrew consent before it ran.</summary>
    public const string ConsentWithdrawn =
        "Not imported: consent withdrawn. The client no longer lets the coach who uploaded this file import for them (or enrol, for a campaign).";

    /// <summary>The code of a failure for withdrawn consent (the import can be retried, <see cref="ImportRecord.Retryable"/>).</summary>
    public const string ConsentWithdrawnCode = "import.consent-withdrawn";

    /// <summary>Why a coach's import was refused once consent was withdrawn, in words true of what earlier deliveries stored.</summary>
    private const string ConsentWithdrawnMidway =
        "Not finished: consent withdrawn. The client no longer lets the coach who uploaded this file import for them (or enrol, for a campaign), so the rest of the file was not imported.";

    public string Name => FunctionName;

    public string TriggerBinding => "message";

    public async Task<FunctionOutcome> HandleAsync(QueueTrigger trigger, CancellationToken cancellationToken)
    {
        ImportQueueMessage? message;
        try
        {
            message = trigger.ReadJson<ImportQueueMessage>();
        }
        catch (JsonException)
        {
            message = null;
        }

        if (message is not { OwnerId.Length: > 0, ImportId.Length: > 0 })
        {
            return FunctionOutcome.Failed($"Queue message {trigger.Id} is not an import request {{ownerId, importId}}.");
        }

        await storage.Value.EnsureCreatedAsync(cancellationToken);
        var records = storage.Value.Records;
        var isLastAttempt = trigger.DequeueCount >= app.Host.Extensions.Queues.MaxDequeueCount;
        var progress = new LatestImportProgress();
        VersionedImportRecord? found = null;
        ImportRun? run = null;
        try
        {
            // Inside the try: storage failing here on the last delivery fails the import as a failure later would, rather
            // than leaving it queued with its message in the poison queue.
            for (var claims = 1; run is null; claims++)
            {
                found = await records.FindVersionedAsync(message.OwnerId, message.ImportId, cancellationToken);
                if (found is null)
                {
                    return FunctionOutcome.Failed($"Import {message.ImportId} has no record.");
                }

                var record = found.Record;
                if (LateDelivery(record, message) is { } late)
                {
                    LogLate(record.Id, trigger.DequeueCount, late);
                    return FunctionOutcome.Success();
                }

                if (record.Status == ImportStatus.Running && await RunIsLiveAsync(record, cancellationToken))
                {
                    // A delivery of the same message still running it (the message came back while it ran): it is left to
                    // finish, and this message comes back, to find it completed, or to take over from a run that died.
                    if (!isLastAttempt)
                    {
                        return FunctionOutcome.Failed($"Import {record.Id} is being run by another delivery of its message.");
                    }

                    // The host's last delivery: none comes after it, so should that run die, nothing runs the import again.
                    // The record says so (over the version judged, which leaves it the run's), so it is shown stopped once
                    // the run stops showing signs of life, not running for its message's day of life.
                    if (record.DeliveriesSpentUtc is not null
                        || await records.ReplaceAsync(record with { DeliveriesSpentUtc = time.GetUtcNow() }, found.Version, cancellationToken))
                    {
                        LogLeftToLiveRun(record.Id, trigger.DequeueCount);
                        return FunctionOutcome.Failed($"Import {record.Id} is being run by another delivery of its message; this was the last delivery.");
                    }

                    // The live run wrote meanwhile: read and judge it again.
                    if (claims == MaxClaims)
                    {
                        return FunctionOutcome.Failed($"Import {record.Id} kept changing while this delivery judged it.");
                    }

                    continue;
                }

                // Claimed over the version judged, so a late delivery never writes over what a run, a stall verdict or a retry saved meanwhile.
                if (!await StarterMayStillImportAsync(record, cancellationToken))
                {
                    if (await records.ReplaceAsync(record.Failed(ConsentWithdrawnError(record), reached: null, time.GetUtcNow()) with { ErrorCode = ConsentWithdrawnCode }, found.Version, cancellationToken))
                    {
                        LogFailed(record.Id, "consent-withdrawn");
                        return FunctionOutcome.Success();
                    }
                }
                else if (Claimed(record, trigger.DequeueCount) is var claimed
                    && await records.ReplaceAsync(claimed, new ImportRecordVersion(found.Version, Summary: null), cancellationToken) is { } claimedVersion)
                {
                    // The run writes over the version its claim left, with no read until someone else saves the record.
                    run = new ImportRun(records, claimed, mayCreate: false, claimedVersion);
                }

                if (run is null && claims == MaxClaims)
                {
                    return FunctionOutcome.Failed($"Import {record.Id} kept changing while this delivery claimed it.");
                }
            }

            var completed = await RunAsync(run, progress, cancellationToken);
            LogCompleted(run.Started.Id, completed.Counts.Rows, trigger.DequeueCount);
            return FunctionOutcome.Success();
        }
        catch (DomainException e) when (e.Code == ImportRun.SupersededCode)
        {
            // Judged stopped, retried or taken over by a later delivery while this one ran: the record is theirs now.
            LogSuperseded(message.ImportId, trigger.DequeueCount);
            return FunctionOutcome.Success();
        }
        catch (DomainException e) when (e.Code == ImportLeases.OwnerBusyCode && !isLastAttempt)
        {
            // Another import of the owner is still writing: this one runs on a later delivery.
            return FunctionOutcome.Failed($"Import {message.ImportId} waits for another import of its owner.");
        }
        catch (DomainException e) when (e.Code == ImportLeases.LostCode && !isLastAttempt)
        {
            // It stalled and another import or an erasure went ahead: a later delivery runs it again from the top, once the
            // owner is free (re-importing what it stored changes nothing).
            LogLeaseLost(message.ImportId, trigger.DequeueCount);
            return FunctionOutcome.Failed($"Import {message.ImportId} lost its owner's lease midway and runs again on a later delivery.");
        }
        catch (DomainException e)
        {
            await SaveFailedAsync(run, found, r => r.Failed(e.Message, progress.Latest, time.GetUtcNow()) with { ErrorCode = e.Code }, cancellationToken);
            LogFailed(message.ImportId, e.Code);
            return FunctionOutcome.Success();
        }
        catch (Exception e) when (isLastAttempt && e is not OperationCanceledException)
        {
            var error = progress.Latest is null ? ImportsApi.CouldNotComplete : "The import could not be completed.";
            await SaveFailedAsync(run, found, r => r.Failed(error, progress.Latest, time.GetUtcNow()), cancellationToken);
            throw;
        }
    }

    /// <summary>How many times a delivery reads the record again when it changed while the delivery claimed it.</summary>
    private const int MaxClaims = 3;

    /// <summary>
    /// Why a delivery of <paramref name="message"/> leaves <paramref name="record"/> as it is, or null when it runs it. A
    /// completed import is never run again nor re-marked; a failed one (its run stopped, or a failure recorded) runs again
    /// only when its owner retries it, which queues it with a message of its own; a message of an earlier queuing than the
    /// record's last (one sent before a retry) is spent.
    /// </summary>
    private static string? LateDelivery(ImportRecord record, ImportQueueMessage message) =>
        record.Status is not (ImportStatus.Queued or ImportStatus.Running)
            ? record.Status
            : message.Retries is { } retries && retries != record.Retries
                ? "queued again since"
                : null;

    /// <summary>The record of <paramref name="record"/> claimed by delivery <paramref name="dequeueCount"/>.</summary>
    private ImportRecord Claimed(ImportRecord record, long dequeueCount) => record with
    {
        // A delivery after one cut short starts from the top: the progress and counts that one saved are not this one's.
        // Which delivery it is, and when it started, tell a reader whether another may still come (ImportStall).
        Status = ImportStatus.Running, Progress = null, Counts = new ImportCounts(0, 0, 0, 0, 0), ActiveUtc = time.GetUtcNow(), Deliveries = dequeueCount,
    };

    /// <summary>Whether a run of <paramref name="record"/> (running) holds the owner's import lease: another delivery, alive.</summary>
    private async Task<bool> RunIsLiveAsync(ImportRecord record, CancellationToken cancellationToken) =>
        await leases.Value.FindHolderAsync(record.OwnerId, cancellationToken) is { } holder
        && string.Equals(holder.HolderId, record.Id, StringComparison.Ordinal)
        && holder.HeldUntil > time.GetUtcNow();

    /// <summary>
    /// Records the import failed: through its <paramref name="run"/> once this delivery claimed it (not over what another
    /// run, a stall verdict or a retry saved since), else over the version this delivery <paramref name="found"/>, unless
    /// that is another delivery's run (running), which is only told that no delivery comes after this one.
    /// </summary>
    private async Task SaveFailedAsync(ImportRun? run, VersionedImportRecord? found, Func<ImportRecord, ImportRecord> failed, CancellationToken cancellationToken)
    {
        if (run is null)
        {
            if (found is not null)
            {
                // A running record this delivery did not claim is another delivery's run, which may well be live (this one
                // failed before it could tell): it is not failed under that run, only told that no delivery comes after
                // this one, so it is shown stopped once that run stops showing signs of life (ImportStall).
                var record = found.Record;
                var saved = record.Status == ImportStatus.Running ? record with { DeliveriesSpentUtc = time.GetUtcNow() } : failed(record);
                await storage.Value.Records.ReplaceAsync(saved, found.Version, cancellationToken);
            }

            return;
        }

        try
        {
            await run.SaveAsync(failed, cancellationToken);
        }
        catch (DomainException e) when (e.Code == ImportRun.SupersededCode)
        {
            LogSuperseded(run.Started.Id, run.Started.Deliveries ?? 0);
        }
    }

    private async Task<ImportRecord> RunAsync(ImportRun run, LatestImportProgress progress, CancellationToken cancellationToken)
    {
        var record = run.Started;
        var campaign = await runner.Value.CampaignAsync(record.OwnerId, record.Campaign, cancellationToken);

        // The file is read under the owner's lease: an erasure holding it rewrites the file without the erased contact, and
        // one cut short before it did leaves a file its record does not vouch for, which is refused, not imported. The
        // fingerprint is read once the lease is held: an erasure that held it while this delivery waited rewrote the file,
        // and the record's fingerprint with it, after the record was claimed.
        await using var lease = await runner.Value.LeaseAsync(record, cancellationToken);
        var vouched = await storage.Value.Records.FindAsync(record.OwnerId, record.Id, cancellationToken) ?? record;
        await using var input = await ImportKeptFile.DownloadAsync(storage.Value.Records, vouched, cancellationToken);
        var options = ImportRequest.Of(record).ToOptions(record.OwnerId, record.Id, record.FileName, record.SizeBytes);
        await using var import = await runner.Value.StartAsync(input, options, progress, cancellationToken);
        return await runner.Value.RunAsync(import, run, campaign, progress, lease, cancellationToken);
    }

    /// <summary>
    /// Why the import of <paramref name="record"/> (as stored: queued, or running when an earlier delivery started it) was
    /// refused for withdrawn consent. An earlier delivery cut short stored the contacts of the rows it got through, which
    /// stay: saying "not imported" then would be untrue, so the error says what was kept (the record keeps their counts).
    /// </summary>
    private static string ConsentWithdrawnError(ImportRecord record)
    {
        if (record.Status != ImportStatus.Running)
        {
            return ConsentWithdrawn;
        }

        var counts = record.Counts;
        return counts.Rows > 0
            ? $"{ConsentWithdrawnMidway} An earlier attempt had already stored the contacts of at least its first {counts.Rows} rows ({counts.Accepted} new, " +
              $"{counts.Merged} merged, {counts.AlreadyKnown} already known, {counts.Rejected} rejected); they are kept."
            : $"{ConsentWithdrawnMidway} An earlier attempt started it and may have stored the contacts of its first rows; whatever it stored is kept.";
    }

    /// <summary>
    /// True unless a coach started the import for the owner and the owner's consent no longer covers it (withdrawn, or
    /// narrowed to less than write, plus send when the import enrols in a campaign). Records without a starter run.
    /// </summary>
    private async Task<bool> StarterMayStillImportAsync(ImportRecord record, CancellationToken cancellationToken)
    {
        if (record.StartedBy is not { AsCoach: true } starter)
        {
            return true;
        }

        var needed = record.Campaign is null ? ApiScopes.Write : ApiScopes.Write | ApiScopes.Send;
        var consent = await accounts.Value.FindConsentAsync(starter.AccountId, record.OwnerId, cancellationToken);
        return AccessPolicy.Allows(new Principal(starter.AccountId, AccountKind.Coach, needed), record.OwnerId, needed, consent);
    }

    // Ids, counts and codes only: never file contents, names or addresses.
    [LoggerMessage(Level = LogLevel.Information, Message = "ImportContacts import {ImportId}: completed, {Rows} rows (delivery {DequeueCount})")]
    private partial void LogCompleted(string importId, long rows, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ImportContacts import {ImportId}: failed ({Code})")]
    private partial void LogFailed(string importId, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ImportContacts import {ImportId}: last delivery {DequeueCount} left it to another delivery's live run; no delivery comes after it")]
    private partial void LogLeftToLiveRun(string importId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "ImportContacts import {ImportId}: delivery {DequeueCount} left it as it is ({Reason})")]
    private partial void LogLate(string importId, long dequeueCount, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ImportContacts import {ImportId}: delivery {DequeueCount} stopped, its record taken over meanwhile (judged stopped, retried or run by a later delivery)")]
    private partial void LogSuperseded(string importId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ImportContacts import {ImportId}: delivery {DequeueCount} stalled and lost its owner's lease to another import or an erasure; it stopped, and a later delivery runs it again")]
    private partial void LogLeaseLost(string importId, long dequeueCount);
}
