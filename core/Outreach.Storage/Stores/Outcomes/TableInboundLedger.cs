using Outreach.Core.Outcomes;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Outcomes;

/// <summary>
/// <see cref="IInboundLedger"/> on the <c>InboundLedger</c> table: PartitionKey the SHA-256 of the dedupe key (a
/// Message-ID can carry an address, so the key itself is not stored), RowKey <c>k</c>. Recording is insert-if-absent.
/// </summary>
/// <param name="table">The ledger table; created on first use.</param>
public sealed class TableInboundLedger(TableClient table) : IInboundLedger
{
    private const string Row = "k";

    private readonly EnsuredTable _table = new(table ?? throw new ArgumentNullException(nameof(table)));

    /// <inheritdoc />
    public async Task<bool> TryRecordAsync(string dedupeKey, CancellationToken cancellationToken)
    {
        var client = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await client.InsertAsync(new TableEntity(PartitionKey(dedupeKey), Row), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageConcurrencyException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Forgets a delivery (erasure); false when it was not recorded.</summary>
    public async Task<bool> RemoveAsync(string dedupeKey, CancellationToken cancellationToken) =>
        await (await _table.GetAsync(cancellationToken).ConfigureAwait(false))
            .DeleteAsync(PartitionKey(dedupeKey), Row, cancellationToken: cancellationToken).ConfigureAwait(false);

    private static string PartitionKey(string dedupeKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(dedupeKey);
        return DedupeKeys.Sha256Hex(dedupeKey);
    }
}
