using Outreach.Functions.Invocation;

namespace Outreach.Functions.Tests.Support;

/// <summary>Records each message and answers with one queue output, <c>{ "received": text }</c>.</summary>
internal sealed class EchoFunction(InvocationRecorder recorder) : IQueueFunction
{
    public string Name => "Echo";

    public string TriggerBinding => "item";

    public IReadOnlyCollection<string> OutputBindings => ["echoed"];

    public Task<FunctionOutcome> HandleAsync(QueueTrigger trigger, CancellationToken cancellationToken)
    {
        recorder.Record(Name, trigger);
        return Task.FromResult(FunctionOutcome.Success()
            .WithQueueMessage("echoed", new { received = trigger.Message })
            .WithLog($"echoed message {trigger.Id}"));
    }
}

/// <summary>Fails every attempt, as a function whose dependency is down would.</summary>
internal sealed class FlakyFunction(InvocationRecorder recorder) : IQueueFunction
{
    public string Name => "Flaky";

    public string TriggerBinding => "message";

    public Task<FunctionOutcome> HandleAsync(QueueTrigger trigger, CancellationToken cancellationToken)
    {
        recorder.Record(Name, trigger);
        return Task.FromResult(FunctionOutcome.Failed("the test function fails on demand"));
    }
}

/// <summary>Signals that it started, then runs until its invocation is cancelled (a long job cut off by shutdown).</summary>
internal sealed class SlowFunction(InvocationRecorder recorder) : IQueueFunction
{
    public string Name => "Slow";

    public string TriggerBinding => "message";

    public async Task<FunctionOutcome> HandleAsync(QueueTrigger trigger, CancellationToken cancellationToken)
    {
        recorder.Record(Name, trigger);
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return FunctionOutcome.Success();
    }
}

/// <summary>Records every timer firing, then waits while the test holds the recorder's gate.</summary>
internal sealed class TickFunction(InvocationRecorder recorder) : ITimerFunction
{
    public string Name => "Tick";

    public string TriggerBinding => "tick";

    public async Task<FunctionOutcome> HandleAsync(TimerTrigger trigger, CancellationToken cancellationToken)
    {
        recorder.Record(Name, trigger);
        await recorder.PassAsync(cancellationToken);
        return FunctionOutcome.Success();
    }
}

/// <summary>Throws, as a function with a bug would.</summary>
internal sealed class BrokenFunction : IQueueFunction
{
    public string Name => "Broken";

    public string TriggerBinding => "message";

    public Task<FunctionOutcome> HandleAsync(QueueTrigger trigger, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the test function has a bug");
}
