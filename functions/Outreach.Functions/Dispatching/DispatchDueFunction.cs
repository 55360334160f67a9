using Outreach.Core.Planning;
using Outreach.Functions.Invocation;

namespace Outreach.Functions.Dispatching;

/// <summary>
/// The <c>DispatchDue</c> timer (<c>functions/DispatchDue/function.json</c>, every minute): runs
/// <see cref="DueDispatcher"/>, which moves due tasks to queued and puts <c>{ownerId, taskId}</c> on the send queue
/// with a visibility delay up to each task's send time. Functions timers are singletons, so runs never overlap.
/// </summary>
internal sealed partial class DispatchDueFunction(IServiceProvider services, ILogger<DispatchDueFunction> logger) : StorageTimerFunction(logger)
{
    public const string FunctionName = "DispatchDue";

    public override string Name => FunctionName;

    protected override string AfterStorageFailure => "the cursor was not stored, so the next run reads the same buckets again";

    protected override async Task<FunctionOutcome> RunAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DispatchStorage>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var report = await services.GetRequiredService<DueDispatcher>().RunAsync(cancellationToken).ConfigureAwait(false);
        LogRun(Logger, report.Owners, report.Enqueued, report.Deferred, report.Skipped, report.ManualDrafts, report.StaleEntries, report.LostRaces, report.Cursor);
        foreach (var owner in report.OwnersWithoutSchedule)
        {
            LogNoSchedule(Logger, owner);
        }

        return FunctionOutcome.Success()
            .WithLog($"Dispatched {report.Enqueued} tasks for {report.Owners} owners; deferred {report.Deferred}, skipped {report.Skipped}.");
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Dispatch run: {Owners} owners, {Enqueued} enqueued, {Deferred} deferred, {Skipped} skipped, {Drafts} LinkedIn drafts due, {Stale} stale entries, {LostRaces} lost races; cursor {Cursor:o}")]
    private static partial void LogRun(
        ILogger logger, int owners, int enqueued, int deferred, int skipped, int drafts, int stale, int lostRaces, DateTimeOffset cursor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Owner {OwnerId} has due tasks but no usable sender profile (time zone, window); they wait and are looked at again later")]
    private static partial void LogNoSchedule(ILogger logger, string ownerId);
}
