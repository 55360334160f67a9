using Outreach.Functions.Storage;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Sending;

/// <summary>
/// Creates the stores' tables once per process, on the first send or template request (hosted services start after
/// the runner may already deliver). A failed attempt is tried again on the next use (<see cref="SetUpOnce"/>): an
/// unreachable storage account at the first send must not fail every later send until a restart.
/// </summary>
internal sealed class SendingTables(TableStores stores) : IDisposable
{
    private readonly SetUpOnce _setUp = new(stores.CreateTablesAsync);

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _setUp.EnsureAsync(cancellationToken);

    public void Dispose() => _setUp.Dispose();
}
