using System.Text.Json.Nodes;
using Outreach.Functions.Hosting;

namespace Outreach.Functions.LocalRunner;

/// <summary>
/// Fires one timer function on its NCRONTAB schedule, with time from the injected <see cref="TimeProvider"/>.
/// Like the host it never overlaps invocations: an occurrence missed while one ran fires once, right after, marked
/// past due, and then the schedule continues from now.
/// </summary>
internal sealed partial class TimerTriggerListener(
    FunctionDefinition function, FunctionInvocationClient client, TimeProvider time, ILogger logger) : ITriggerListener
{
    /// <summary>Firing later than this after the occurrence counts as past due; timers on a real clock run a few ms late.</summary>
    private static readonly TimeSpan PastDueTolerance = TimeSpan.FromSeconds(1);

    /// <summary>Waits are cut into pieces no longer than this, because timers cannot wait for a yearly schedule in one go.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(12);

    private readonly BindingDefinition _trigger = function.Trigger;
    private readonly TimerSchedule _schedule = TimerSchedule.Parse(function.Trigger.Schedule, function.FunctionJsonPath);

    /// <param name="stopping">Stops scheduling further occurrences.</param>
    /// <param name="abort">Cancels an invocation in flight (after the shutdown grace period).</param>
    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        var now = time.GetUtcNow();
        var next = _schedule.NextAfter(now);
        TimerStatus? status = _trigger.UseMonitor ? new TimerStatus(DateTimeOffset.MinValue, next, now) : null;
        LogScheduled(logger, function.Name, _schedule.Expression, next);
        if (_trigger.RunOnStartup && !stopping.IsCancellationRequested)
        {
            await InvokeAsync(now, status, isPastDue: false, abort).ConfigureAwait(false);
        }

        while (await WaitUntilAsync(next, stopping).ConfigureAwait(false))
        {
            var occurrence = next;
            await InvokeAsync(occurrence, status, time.GetUtcNow() - occurrence > PastDueTolerance, abort).ConfigureAwait(false);
            next = NextToFire(occurrence, time.GetUtcNow());
            status = status is null ? null : new TimerStatus(occurrence, next, time.GetUtcNow());
        }
    }

    /// <summary>
    /// The occurrence after <paramref name="occurrence"/>; if some passed while it ran, only the latest of them,
    /// which then fires at once as past due (the host does not replay every missed occurrence either).
    /// </summary>
    private DateTimeOffset NextToFire(DateTimeOffset occurrence, DateTimeOffset now)
    {
        var next = _schedule.NextAfter(occurrence);
        for (var later = _schedule.NextAfter(next); later <= now; later = _schedule.NextAfter(next))
        {
            next = later;
        }

        return next;
    }

    private async Task<bool> WaitUntilAsync(DateTimeOffset due, CancellationToken stopping)
    {
        try
        {
            stopping.ThrowIfCancellationRequested();
            for (var left = due - time.GetUtcNow(); left > TimeSpan.Zero; left = due - time.GetUtcNow())
            {
                await Task.Delay(left < LongestWait ? left : LongestWait, time, stopping).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task InvokeAsync(DateTimeOffset occurrence, TimerStatus? status, bool isPastDue, CancellationToken abort)
    {
        var now = time.GetUtcNow();
        var envelope = new JsonObject
        {
            ["Data"] = new JsonObject
            {
                [_trigger.Name] = new JsonObject
                {
                    ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                    ["ScheduleStatus"] = status is null ? null : new JsonObject
                    {
                        ["Last"] = status.Last, ["Next"] = status.Next, ["LastUpdated"] = status.LastUpdated,
                    },
                    ["IsPastDue"] = isPastDue,
                },
            },
            ["Metadata"] = new JsonObject { ["sys"] = SystemMetadata.Create(function.Name, now) },
        };
        try
        {
            var result = await client.InvokeAsync(function.Name, envelope, abort).ConfigureAwait(false);
            if (result.Succeeded)
            {
                LogFired(logger, function.Name, occurrence, isPastDue);
            }
            else
            {
                LogFailed(logger, function.Name, occurrence, result.StatusCode);
            }
        }
        catch (HttpRequestException e)
        {
            LogUnreachable(logger, function.Name, e);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            LogCancelled(logger, function.Name, occurrence);
        }
        catch (OperationCanceledException)
        {
            // Not a shutdown, so the invocation outlived functionTimeout; the next occurrence still fires.
            LogFailed(logger, function.Name, occurrence, StatusCodes.Status504GatewayTimeout);
        }
    }

    private sealed record TimerStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {Function} runs on '{Schedule}' (UTC); next at {Next:o}")]
    private static partial void LogScheduled(ILogger logger, string function, string schedule, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {Function} fired for {Occurrence:o} (past due: {IsPastDue})")]
    private static partial void LogFired(ILogger logger, string function, DateTimeOffset occurrence, bool isPastDue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {Function} failed for {Occurrence:o} with status {Status}; the next occurrence still fires")]
    private static partial void LogFailed(ILogger logger, string function, DateTimeOffset occurrence, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {Function} could not reach the handler")]
    private static partial void LogUnreachable(ILogger logger, string function, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {Function} invocation for {Occurrence:o} was cancelled at shutdown")]
    private static partial void LogCancelled(ILogger logger, string function, DateTimeOffset occurrence);
}
