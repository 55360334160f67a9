using System.Collections.Concurrent;

namespace Outreach.Functions.Tests.Support;

/// <summary>What the test functions were invoked with, in order, with a bounded wait for integration tests.</summary>
internal sealed class InvocationRecorder
{
    private readonly ConcurrentQueue<(string Function, object Trigger)> _calls = new();
    private volatile TaskCompletionSource _gate = Open();

    /// <summary>Makes functions that call <see cref="PassAsync"/> wait until <see cref="Release"/>.</summary>
    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public Task PassAsync(CancellationToken cancellationToken) => _gate.Task.WaitAsync(cancellationToken);

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource();
        open.SetResult();
        return open;
    }

    public void Record(string function, object trigger) => _calls.Enqueue((function, trigger));

    public IReadOnlyList<T> Of<T>(string function) => _calls.Where(c => c.Function == function).Select(c => (T)c.Trigger).ToList();

    public async Task<IReadOnlyList<T>> WaitForAsync<T>(string function, int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (Of<T>(function).Count < count)
        {
            try
            {
                await Task.Delay(20, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{function} was invoked {Of<T>(function).Count} times within {timeout}, expected {count}.");
            }
        }

        return Of<T>(function);
    }
}
