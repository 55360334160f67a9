using System.Collections.Concurrent;
using Outreach.Testing.Time;

namespace Outreach.Functions.Tests.Support;

/// <summary>
/// A <see cref="ManualTimeProvider"/> that also tells the test when code under test starts waiting for a given time,
/// so the test advances the clock only once the runner is waiting (no sleeping, no racing the runner). It sees every
/// wait in the app, so the moment waited for must be one only the code under test waits for (the shipped timer
/// functions run in test apps too, on whole minutes).
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
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _waits.Enqueue(clock.GetUtcNow() + dueTime);
        }

        return clock.CreateTimer(callback, state, dueTime, period);
    }

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
