using Microsoft.Extensions.Options;
using Outreach.Storage;
using Outreach.Storage.Queues;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Dispatching;

/// <summary>
/// Creates the tables and the send queue the dispatcher and enrolment use, once per process, on first use rather
/// than at start-up: the handler must start (and answer <c>/api/health</c>) even while storage is unreachable or not
/// configured. A failed attempt is tried again on the next use.
/// </summary>
internal sealed class DispatchStorage(TableStores stores, StorageAccount account, IOptions<DispatchingOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;

    /// <summary>The send queue, base64-encoded as host.json's <c>messageEncoding</c> tells the queue trigger to read it.</summary>
    public QueueClient SendQueue { get; } = account.GetQueue(options.Value.SendQueueName, QueueMessageEncoding.Base64);

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_created)
            {
                await stores.CreateTablesAsync(cancellationToken).ConfigureAwait(false);
                await SendQueue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                _created = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
