using Microsoft.Extensions.Options;
using Outreach.Functions.Storage;
using Outreach.Storage;
using Outreach.Storage.Queues;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Dispatching;

/// <summary>
/// Creates the tables and the send queue the dispatcher and enrolment use, once per process, on first use rather
/// than at start-up (<see cref="SetUpOnce"/>).
/// </summary>
internal sealed class DispatchStorage : IDisposable
{
    private readonly SetUpOnce _setUp;

    public DispatchStorage(TableStores stores, StorageAccount account, IOptions<DispatchingOptions> options)
    {
        SendQueue = account.GetQueue(options.Value.SendQueueName, QueueMessageEncoding.Base64);
        _setUp = new SetUpOnce(async cancellationToken =>
        {
            await stores.CreateTablesAsync(cancellationToken).ConfigureAwait(false);
            await SendQueue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary>The send queue, base64-encoded as host.json's <c>messageEncoding</c> tells the queue trigger to read it.</summary>
    public QueueClient SendQueue { get; }

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _setUp.EnsureAsync(cancellationToken);

    public void Dispose() => _setUp.Dispose();
}
