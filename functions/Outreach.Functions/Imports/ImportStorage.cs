using Outreach.Functions.Dispatching;
using Outreach.Functions.Storage;
using Outreach.Storage;
using Outreach.Storage.Queues;

namespace Outreach.Functions.Imports;

/// <summary>
/// Creates what imports write to, once per process on first use: the stores' tables (with the send queue, through
/// <see cref="DispatchStorage"/>, since enrolment writes tasks), the <c>Imports</c> table, the <c>imports</c> container
/// and the <c>import-contacts</c> queue (<see cref="SetUpOnce"/>).
/// </summary>
internal sealed class ImportStorage : IDisposable
{
    private readonly SetUpOnce _setUp;

    public ImportStorage(DispatchStorage dispatch, ImportRecordStore records, StorageAccount account)
    {
        Records = records;
        Queue = account.GetQueue(ImportQueueMessage.QueueName, QueueMessageEncoding.Base64);
        _setUp = new SetUpOnce(async cancellationToken =>
        {
            await dispatch.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            await records.CreateAsync(cancellationToken).ConfigureAwait(false);
            await Queue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        });
    }

    public QueueClient Queue { get; }

    public ImportRecordStore Records { get; }

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _setUp.EnsureAsync(cancellationToken);

    public void Dispose() => _setUp.Dispose();
}
