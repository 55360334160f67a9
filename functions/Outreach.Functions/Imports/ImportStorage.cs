using Outreach.Functions.Dispatching;
using Outreach.Storage;
using Outreach.Storage.Queues;

namespace Outreach.Functions.Imports;

/// <summary>
/// Creates what imports write to, once per process on first use: the stores' tables (with the send queue, through
/// <see cref="DispatchStorage"/>, since enrolment writes tasks), the <c>Imports</c> table, the <c>imports</c> container
/// and the <c>import-contacts</c> queue.
/// </summary>
internal sealed class ImportStorage(DispatchStorage dispatch, ImportRecordStore records, StorageAccount account)
{
    private Task? _created;

    public QueueClient Queue { get; } = account.GetQueue(ImportQueueMessage.QueueName, QueueMessageEncoding.Base64);

    public ImportRecordStore Records => records;

    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        // A failed creation is tried again by the next caller rather than remembered.
        var created = _created;
        if (created is null || created.IsFaulted || created.IsCanceled)
        {
            _created = created = CreateAsync();
        }

        return created.WaitAsync(cancellationToken);
    }

    private async Task CreateAsync()
    {
        await dispatch.EnsureCreatedAsync(CancellationToken.None).ConfigureAwait(false);
        await records.CreateAsync(CancellationToken.None).ConfigureAwait(false);
        await Queue.CreateIfNotExistsAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
