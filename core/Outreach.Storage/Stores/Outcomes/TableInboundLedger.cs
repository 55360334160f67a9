using Outreach.Core.Outcomes;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Outcomes;

/// <summary>
/// <see cref="IInboundLedger"/> on the <c>InboundLedger</c> table: PartitionKey the SHA-256 of the dedupe key (a
/// Message-ID can carry an address, so the key itself is not stored), RowKey <c>k</c>. Recording inserts a claim
/// (<c>State</c> <c>claimed</c>, <c>ClaimedUtc</c>); <see cref="CompleteAsync"/> marks it <c>done</c> once the delivery's
/// writes are carried out. A claim never completed and older than <see cref="ClaimLease"/> died with its invocation
/// (a recycled process, or storage failing both the writes and the give-back), so a redelivery takes it over with an
/// ETag-conditional update instead of being answered as a duplicate and losing the reply. A row without <c>State</c>
/// (written before claims had one) counts as done.
/// </summary>
public sealed class TableInboundLedger : IInboundLedger
{
    /// <summary>
    /// How long a claim protects an invocation still running: the Functions host ends any invocation within its
    /// <c>functionTimeout</c> (host.json, 10 minutes), so an older claim has no one working on it.
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    private const string Row = "k";
    private const string StateProperty = "State";
    private const string ClaimedProperty = "ClaimedUtc";
    private const string Claimed = "claimed";
    private const string Done = "done";

    private readonly EnsuredTable _table;
    private readonly TimeProvider _time;

    /// <param name="table">The ledger table; created on first use.</param>
    /// <param name="time">The clock claims are stamped and aged with (the system clock when null).</param>
    public TableInboundLedger(TableClient table, TimeProvider? time = null)
    {
        _table = new EnsuredTable(table ?? throw new ArgumentNullException(nameof(table)));
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task<bool> TryRecordAsync(string dedupeKey, CancellationToken cancellationToken)
    {
        var client = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var partition = PartitionKey(dedupeKey);

        // Twice at most: a claim given back (deleted) between our insert and our read is free again.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var now = _time.GetUtcNow();
            var claim = new TableEntity(partition, Row) { [StateProperty] = Claimed, [ClaimedProperty] = now };
            try
            {
                await client.InsertAsync(claim, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (StorageConcurrencyException e) when (e.Status == 409)
            {
            }

            if (await client.GetAsync(partition, Row, cancellationToken).ConfigureAwait(false) is not { } existing)
            {
                continue;
            }

            if (existing.GetString(StateProperty) != Claimed
                || existing.GetDateTimeOffset(ClaimedProperty) is not { } claimedAt
                || now - claimedAt < ClaimLease)
            {
                return false; // done, or another invocation is still working on it
            }

            try
            {
                await client.UpdateAsync(claim, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (StorageConcurrencyException e) when (e.Status == 412)
            {
                return false; // another redelivery took the stale claim first
            }
        }

        return false;
    }

    /// <inheritdoc />
    public async Task CompleteAsync(string dedupeKey, CancellationToken cancellationToken)
    {
        var client = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        await client.UpsertAsync(new TableEntity(PartitionKey(dedupeKey), Row) { [StateProperty] = Done }, TableUpdateMode.Replace, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Forgets a delivery (a claim given back after a failure, or erasure); false when it was not recorded.</summary>
    public async Task<bool> RemoveAsync(string dedupeKey, CancellationToken cancellationToken) =>
        await (await _table.GetAsync(cancellationToken).ConfigureAwait(false))
            .DeleteAsync(PartitionKey(dedupeKey), Row, cancellationToken: cancellationToken).ConfigureAwait(false);

    private static string PartitionKey(string dedupeKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(dedupeKey);
        return DedupeKeys.Sha256Hex(dedupeKey);
    }
}
