using Microsoft.Extensions.DependencyInjection;
using Outreach.Functions.Invocation;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.Time;

namespace Outreach.Functions.Tests.LocalRunner;

/// <summary>
/// Timers driven by a fake clock through the real runner and handler (schedule "30 */5 * * * *": half a minute past
/// every fifth minute). The shipped timer functions run in the app too, on whole minutes (SweepStuckSends on every fifth
/// one): a Tick on whole minutes shared its moments with them, and the test, seeing SweepStuckSends wait for 09:10,
/// moved the clock before Tick had recorded its status.
/// </summary>
public sealed class TimerRunnerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>The clock at start: an occurrence of Tick's schedule, so the next ones are 5, 10, 15 minutes on.</summary>
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 30, TimeSpan.Zero);

    private static readonly (string, string) Tick = (TestFunctionJson.Tick.Item1, TestFunctionJson.Tick.Item2.Replace("\"0 */5 * * * *\"", "\"30 */5 * * * *\"", StringComparison.Ordinal));

    private readonly ObservedTimeProvider _time = new(new ManualTimeProvider(Start));
    private readonly InvocationRecorder _recorder = new();
    private TestAppRoot _root = null!;
    private FunctionAppFactory _app = null!;

    public Task InitializeAsync() => StartAsync(Tick);

    [Fact]
    public async Task Timer_with_run_on_startup_fires_once_at_start_then_keeps_its_schedule()
    {
        await _app.DisposeAsync();
        _root.Dispose();
        await StartAsync(("Tick", Tick.Item2.Replace("\"runOnStartup\": false", "\"runOnStartup\": true", StringComparison.Ordinal)));

        var fired = Assert.Single(await _recorder.WaitForAsync<TimerTrigger>("Tick", 1, Patience));

        Assert.Equal(new TimerTrigger(false, new TimerScheduleStatus(DateTimeOffset.MinValue, Start.AddMinutes(5), Start)), fired);
        await _time.WaitForTimerDueAtAsync(Start.AddMinutes(5), Patience);
    }

    private Task StartAsync((string, string) tick)
    {
        _root = TestAppRoot.Create(tick);
        _app = FunctionAppFactory.WithRunner(
                _root.Path,
                new Dictionary<string, string?>(),
                services => services.AddSingleton(_recorder).AddSingleton<TimeProvider>(_time).AddTimerFunction<TickFunction>())
            .StartWithRunner();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Timer_fires_at_each_occurrence_of_its_schedule_with_the_monitor_status()
    {
        var first = Start.AddMinutes(5);
        await _time.WaitForTimerDueAtAsync(first, Patience);
        Assert.Empty(_recorder.Of<TimerTrigger>("Tick"));

        _time.Clock.SetUtcNow(first);

        var fired = Assert.Single(await _recorder.WaitForAsync<TimerTrigger>("Tick", 1, Patience));
        Assert.Equal(new TimerTrigger(false, new TimerScheduleStatus(DateTimeOffset.MinValue, first, Start)), fired);

        var second = Start.AddMinutes(10);
        await _time.WaitForTimerDueAtAsync(second, Patience);
        _time.Clock.SetUtcNow(second);

        var fires = await _recorder.WaitForAsync<TimerTrigger>("Tick", 2, Patience);
        Assert.Equal(new TimerTrigger(false, new TimerScheduleStatus(first, second, first)), fires[1]);
    }

    [Fact]
    public async Task Occurrences_missed_during_a_long_invocation_fire_once_past_due_then_the_schedule_resumes()
    {
        var first = Start.AddMinutes(5);
        await _time.WaitForTimerDueAtAsync(first, Patience);
        _recorder.Hold();
        _time.Clock.SetUtcNow(first);
        Assert.False(Assert.Single(await _recorder.WaitForAsync<TimerTrigger>("Tick", 1, Patience)).IsPastDue);

        // The invocation runs until 09:17, past the 09:10 and 09:15 occurrences.
        _time.Clock.SetUtcNow(Start.AddMinutes(17));
        _recorder.Release();

        var fires = await _recorder.WaitForAsync<TimerTrigger>("Tick", 2, Patience);
        Assert.Equal(new TimerTrigger(true, new TimerScheduleStatus(first, Start.AddMinutes(15), Start.AddMinutes(17))), fires[1]);
        await _time.WaitForTimerDueAtAsync(Start.AddMinutes(20), Patience);
        Assert.Equal(2, _recorder.Of<TimerTrigger>("Tick").Count);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _root.Dispose();
    }
}
