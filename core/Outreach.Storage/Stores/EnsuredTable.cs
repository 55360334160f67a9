using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores;

/// <summary>
/// A table that is created on first use, so a fresh storage account (a new Azurite, a new deployment) needs no
/// set-up step. Two callers racing on the first use both ask to create it; the second call is a harmless 409.
/// </summary>
internal sealed class EnsuredTable(TableClient table)
{
    private volatile bool _created;

    public async Task<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            _created = true;
        }

        return table;
    }
}
