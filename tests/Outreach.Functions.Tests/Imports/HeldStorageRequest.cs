namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// Sits between the app's storage client and real Azurite: once armed, holds the first request that matches before it
/// reaches Azurite, until released (at most a minute), as a connection that pauses would; every other request goes
/// straight through. <see cref="Seen"/> tells when a request matching <c>observe</c> has been answered.
/// </summary>
internal sealed class HeldStorageRequest(Func<HttpRequestMessage, bool> matches, Func<HttpRequestMessage, bool>? observe = null) : DelegatingHandler(new HttpClientHandler())
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _armed;

    /// <summary>Completes once the held request has arrived.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Completes once a request matching <c>observe</c> has been answered.</summary>
    public Task Seen => _seen.Task;

    public void Arm() => Volatile.Write(ref _armed, 1);

    public void Release() => _released.TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (matches(request) && Interlocked.CompareExchange(ref _armed, 0, 1) == 1)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (observe?.Invoke(request) == true)
        {
            _seen.TrySetResult();
        }

        return response;
    }
}
