namespace Outreach.Functions.Storage;

/// <summary>
/// Runs a storage set-up step (create tables, queues, containers) once per process, on first use rather than at
/// start-up: the handler must start and answer <c>/api/health</c> even while storage is unreachable or not configured.
/// Concurrent first callers share one attempt; a failed or cancelled attempt is not remembered, so the next use tries
/// again.
/// </summary>
internal sealed class SetUpOnce(Func<CancellationToken, Task> setUp) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await setUp(cancellationToken).ConfigureAwait(false);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
