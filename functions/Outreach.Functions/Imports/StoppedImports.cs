using Microsoft.Extensions.Options;
using Outreach.Functions.Hosting;

namespace Outreach.Functions.Imports;

/// <summary>
/// Reads the owner's imports as they are: a queued or running one that has stopped without finishing
/// (<see cref="ImportStall"/>) is saved as failed, saying how many rows it had stored and to retry it, before
/// it is shown, so <c>GET /api/imports[/{id}]</c>, its listings and the dashboard stop showing it as under way for ever.
/// The failed record replaces the one judged only if nobody has saved the import since it was read (its ETag): a run that
/// was alive after all, or another reader deciding at the same time, wins, and the record read again is judged again. A run
/// judged stopped that comes back to life finds its record no longer its own at its next write and stops there
/// (<see cref="ImportRun"/>), so the failed record stays what the owner was shown.
/// </summary>
internal sealed partial class StoppedImports(
    ImportRecordStore records, ImportLeases leases, IOptions<ImportsOptions> options, FunctionApp app, TimeProvider time, ILogger<StoppedImports> logger)
{
    /// <summary>How many times a record that changed while it was judged is read and judged again.</summary>
    private const int MaxJudgements = 3;

    /// <summary>The owner's import, or null (also for an id that is not theirs); one that has stopped comes back failed.</summary>
    public async Task<ImportRecord?> FindAsync(string ownerId, string importId, CancellationToken cancellationToken)
    {
        // One read (streamed: a finished record lists up to megabytes of rows), with the version a stopped import's failed
        // record is written over.
        var found = await records.FindVersionedAsync(ownerId, importId, cancellationToken).ConfigureAwait(false);
        if (found is null || !IsUnderWay(found.Record.Status))
        {
            return found?.Record;
        }

        var lease = await leases.FindHolderAsync(ownerId, cancellationToken).ConfigureAwait(false);
        return await SettleAsync(found, lease, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The owner's most recent imports, newest first (<see cref="ImportRecordStore.ListAsync"/>), those that have stopped as failed.</summary>
    public async Task<IReadOnlyList<ImportSummary>> ListAsync(string ownerId, int take, CancellationToken cancellationToken)
    {
        var listed = await records.ListAsync(ownerId, take, cancellationToken).ConfigureAwait(false);
        if (!listed.Any(s => IsUnderWay(s.Status)))
        {
            return listed;
        }

        var lease = await leases.FindHolderAsync(ownerId, cancellationToken).ConfigureAwait(false);
        var settled = new List<ImportSummary>(listed.Count);
        foreach (var summary in listed)
        {
            var found = IsUnderWay(summary.Status)
                ? await records.FindVersionedAsync(ownerId, summary.Id, cancellationToken).ConfigureAwait(false)
                : null;
            settled.Add(found is null ? summary : ImportSummary.Of(await SettleAsync(found, lease, cancellationToken).ConfigureAwait(false)));
        }

        return settled;
    }

    private static bool IsUnderWay(string status) => status is ImportStatus.Queued or ImportStatus.Running;

    private async Task<ImportRecord> SettleAsync(VersionedImportRecord found, ImportLeaseHolder? lease, CancellationToken cancellationToken)
    {
        var maxDeliveries = app.Host.Extensions.Queues.MaxDequeueCount;
        for (var judged = 1; ; judged++)
        {
            var now = time.GetUtcNow();
            if (!ImportStall.HasStopped(found.Record, lease, maxDeliveries, options.Value.StalledAfter, now))
            {
                return found.Record;
            }

            var stopped = ImportStall.Stopped(found.Record, now);
            if (await records.ReplaceAsync(stopped, found.Version, cancellationToken).ConfigureAwait(false))
            {
                LogStopped(found.Record.Id, found.Record.Status, found.Record.Deliveries ?? 0, stopped.Counts.Rows);
                return stopped;
            }

            // Saved meanwhile, by its run or by another reader: what they saved is judged instead.
            var again = await records.FindVersionedAsync(found.Record.OwnerId, found.Record.Id, cancellationToken).ConfigureAwait(false);
            if (again is null || judged == MaxJudgements)
            {
                return again?.Record ?? found.Record;
            }

            found = again;
            lease = await leases.FindHolderAsync(found.Record.OwnerId, cancellationToken).ConfigureAwait(false);
        }
    }

    // Ids and counts only: never file contents, names or addresses.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId}: stopped without finishing while {Status} (deliveries {Deliveries}, {Rows} rows stored); recorded as failed")]
    private partial void LogStopped(string importId, string status, long deliveries, long rows);
}
