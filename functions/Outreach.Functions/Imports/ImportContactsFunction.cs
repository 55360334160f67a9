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
/// so the import runs on a later one. Anything else (storage down) fails the delivery so the host tries again; on the last delivery
/// (<c>maxDequeueCount</c>) the import is marked failed first, with the counts of the rows it had stored and how to go
/// on (<see cref="ImportRecord.Failed"/>), and the message then goes to the poison queue. Running an
/// import twice is harmless (re-importing changes nothing), a completed import is not run again, and a delivery that
/// runs an import cut short before reports its rows nearly as one uninterrupted run would: the contacts the earlier
/// attempt created carry this import's id as their source, so their rows count as new and merged, not as already known.
/// A row the earlier attempt merged into a contact that existed before finds nothing left to add and counts as already
/// known; its contact is enrolled and its meeting counted all the same (<see cref="ImportRunner"/>). An import a coach
/// started for a client runs only while the client's consent still grants write (and send, with a campaign): withdrawn
/// in the meantime, the import fails saying so and nothing lands in the client's account.
/// </summary>
internal sealed partial class ImportContactsFunction(
    Lazy<ImportStorage> storage, Lazy<ImportRunner> runner, Lazy<AccountService> accounts, FunctionApp app, TimeProvider time, ILogger<ImportContactsFunction> logger)
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
        var record = await records.FindAsync(message.OwnerId, message.ImportId, cancellationToken);
        if (record is null)
        {
            return FunctionOutcome.Failed($"Import {message.ImportId} has no record.");
        }

        if (record.Status is ImportStatus.Completed or ImportStatus.Failed)
        {
            return FunctionOutcome.Success();
        }

        var isLastAttempt = trigger.DequeueCount >= app.Host.Extensions.Queues.MaxDequeueCount;
        var progress = new LatestImportProgress();

        // A delivery after one cut short starts from the top: the progress and counts that one saved are not this one's.
        // Which delivery it is, and when it started, tell a reader whether another may still come (ImportStall).
        var running = record with
        {
            Status = ImportStatus.Running, Progress = null, Counts = new ImportCounts(0, 0, 0, 0, 0), ActiveUtc = time.GetUtcNow(), Deliveries = trigger.DequeueCount,
        };
        try
        {
            // Inside the try: storage failing here on the last delivery fails the import as a failure later would, rather
            // than leaving it queued with its message in the poison queue.
            if (!await StarterMayStillImportAsync(record, cancellationToken))
            {
                await records.SaveAsync(record.Failed(ConsentWithdrawnError(record), reached: null, time.GetUtcNow()) with { ErrorCode = ConsentWithdrawnCode }, cancellationToken);
                LogFailed(record.Id, "consent-withdrawn");
                return FunctionOutcome.Success();
            }

            var completed = await RunAsync(running, progress, cancellationToken);
            LogCompleted(record.Id, completed.Counts.Rows, trigger.DequeueCount);
            return FunctionOutcome.Success();
        }
        catch (DomainException e) when (e.Code == ImportLeases.OwnerBusyCode && !isLastAttempt)
        {
            // Another import of the owner is still writing: this one runs on a later delivery.
            return FunctionOutcome.Failed($"Import {record.Id} waits for another import of its owner.");
        }
        catch (DomainException e)
        {
            await records.SaveAsync(running.Failed(e.Message, progress.Latest, time.GetUtcNow()) with { ErrorCode = e.Code }, cancellationToken);
            LogFailed(record.Id, e.Code);
            return FunctionOutcome.Success();
        }
        catch (Exception e) when (isLastAttempt && e is not OperationCanceledException)
        {
            var error = progress.Latest is null ? ImportsApi.CouldNotComplete : "The import could not be completed.";
            await records.SaveAsync(running.Failed(error, progress.Latest, time.GetUtcNow()), cancellationToken);
            throw;
        }
    }

    private async Task<ImportRecord> RunAsync(ImportRecord record, LatestImportProgress progress, CancellationToken cancellationToken)
    {
        var records = storage.Value.Records;
        await records.SaveAsync(record, cancellationToken);
        var campaign = await runner.Value.CampaignAsync(record.OwnerId, record.Campaign, cancellationToken);
        await using var input = await records.Blobs.OpenReadAsync(ImportBlobLayout.Upload(record.OwnerId, record.Id), cancellationToken)
            ?? throw new DomainException("import.upload-missing", "The uploaded file is no longer stored; upload it again.", "file");
        var options = ImportRequest.Of(record).ToOptions(record.OwnerId, record.Id, record.FileName, record.SizeBytes);
        await using var import = await runner.Value.StartAsync(input, options, progress, cancellationToken);
        return await runner.Value.RunAsync(import, record, campaign, progress, cancellationToken);
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
}
