using Outreach.Storage.Stores;

namespace Outreach.Functions.Sending;

/// <summary>Creates the stores' tables once per process, on the first send (hosted services start after the runner may already deliver).</summary>
internal sealed class SendingTables(TableStores stores)
{
    private readonly Lazy<Task> _created = new(() => stores.CreateTablesAsync(CancellationToken.None));

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _created.Value.WaitAsync(cancellationToken);
}
