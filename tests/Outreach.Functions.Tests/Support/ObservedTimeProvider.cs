using System.Collections.Concurrent;
using Outreach.Testing.Time;

namespace Outreach.Functions.Tests.Support;

/// <summary>
/// A <see cref="ManualTimeProvider"/> that also tells the test when the timer listener starts waiting for a given time,
/// so the test advances the clock only once the runner is waiting (no sleeping, no racing the runner). Only the
/// listener's own waits count: another part of the app waiting for the same moment (a cache or a lease of its own,
/// armed when the clock moved) would otherwise let the test move the clock while the listener was still between an
/// invocation and its next wait, and the status it records would read the later time.
/// </summary>
internal sealed class ObservedTimeProvider(ManualTimeProvider clock) : TimeProvider
{
    private readonly ConcurrentQueue<DateTimeOffset> _waits = new();

    public ManualTimeProvider Clock => clock;

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && IsTimerListenerWaiting())
        {
            _waits.Enqueue(clock.GetUtcNow() + dueTime);
        }

        return clock.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Whether the timer being created is the timer listener's wait (its frame is on the stack: Task.Delay creates it synchronously).</summary>
    private static bool IsTimerListenerWaiting() =>
        new System.Diagnostics.StackTrace().GetFrames().Any(frame =>
            frame.GetMethod()?.DeclaringType?.FullName?.StartsWith("Outreach.Functions.LocalRunner.TimerTriggerListener", StringComparison.Ordinal) == true);

    public async Task WaitForTimerDueAtAsync(DateTimeOffset due, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!_waits.Contains(due))
        {
            try
            {
                await Task.Delay(10, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Nothing waited for {due:o} within {timeout}; waits so far: {string.Join(", ", _waits)}.");
            }
        }
    }
}
