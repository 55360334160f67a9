using Outreach.Core.Planning;
using Outreach.Functions.Invocation;
using Outreach.Storage;

namespace Outreach.Functions.Dispatching;

/// <summary>
/// The <c>DispatchDue</c> timer (<c>functions/DispatchDue/function.json</c>, every minute): runs
/// <see cref="DueDispatcher"/>, which moves due tasks to queued and puts <c>{ownerId, taskId}</c> on the send queue
/// with a visibility delay up to each task's send time. Functions timers are singletons, so runs never overlap.
/// </summary>
/// <remarks>
/// The dispatcher is resolved per run rather than injected: the function registry builds every function at start-up
/// to read its name, and that must not need storage, which may not be configured yet.
/// </remarks>
internal sealed partial class DispatchDueFunction(IServiceProvider services, ILogger<DispatchDueFunction> logger) : ITimerFunction
{
    public const string FunctionName = "DispatchDue";

    public string Name => FunctionName;

    public string TriggerBinding => "timer";

    public async Task<FunctionOutcome> HandleAsync(TimerTrigger trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        try
        {
            await services.GetRequiredService<DispatchStorage>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            var report = await services.GetRequiredService<DueDispatcher>().RunAsync(cancellationToken).ConfigureAwait(false);
            LogRun(logger, report.Owners, report.Enqueued, report.Deferred, report.Skipped, report.ManualDrafts, report.StaleEntries, report.LostRaces, report.Cursor);
            foreach (var owner in report.OwnersWithoutSchedule)
            {
                LogNoSchedule(logger, owner);
            }

            return FunctionOutcome.Success()
                .WithLog($"Dispatched {report.Enqueued} tasks for {report.Owners} owners; deferred {report.Deferred}, skipped {report.Skipped}.");
        }
        catch (StorageRequestException e)
        {
            // The cursor was not stored, so the next occurrence reads the same buckets again.
            LogStorageFailed(logger, e);
            return FunctionOutcome.Failed($"Storage failed during the dispatch run: {e.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Dispatch run: {Owners} owners, {Enqueued} enqueued, {Deferred} deferred, {Skipped} skipped, {Drafts} LinkedIn drafts due, {Stale} stale entries, {LostRaces} lost races; cursor {Cursor:o}")]
    private static partial void LogRun(
        ILogger logger, int owners, int enqueued, int deferred, int skipped, int drafts, int stale, int lostRaces, DateTimeOffset cursor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Owner {OwnerId} has due tasks but no usable sender profile (time zone, window); they wait and are looked at again later")]
    private static partial void LogNoSchedule(ILogger logger, string ownerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatch run failed on storage; the next run reads the same buckets again")]
    private static partial void LogStorageFailed(ILogger logger, Exception exception);
}
