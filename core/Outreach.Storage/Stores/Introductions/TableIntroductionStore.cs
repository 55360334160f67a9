using Azure;
using Outreach.Core.Introductions;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Introductions;

/// <summary>
/// <see cref="IIntroductionStore"/> on the <c>Introductions</c> table (one partition per owner; see
/// <see cref="IntroductionEntity"/>). Writes are ETag-conditional. The timer's work is found through an index partition
/// of the same table (<see cref="OpenIndex"/>), never by a query over every owner's partition: Table storage indexes
/// only PartitionKey and RowKey, so a filter on State alone reads the whole table on every run.
/// </summary>
/// <param name="table">The introductions table; it must exist.</param>
public sealed class TableIntroductionStore(TableClient table) : IIntroductionStore
{
    /// <summary>How often a request is tried again after clearing a claim its ended introduction left behind.</summary>
    private const int MaxClaimAttempts = 4;

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <inheritdoc />
    public async Task<Introduction?> TryAddAsync(Introduction introduction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        await IndexBeforeAsync(introduction, cancellationToken).ConfigureAwait(false);
        try
        {
            var etag = await _table.InsertAsync(IntroductionEntity.From(introduction), cancellationToken).ConfigureAwait(false);
            return introduction with { Version = etag.ToString() };
        }
        catch (StorageConcurrencyException e) when (e.Status == 409)
        {
            return null;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The claim (<see cref="PairClaim"/>) and the request are one transaction in the owner's partition: both are stored or
    /// neither. A claim found in the way is read with the introduction it names; one whose introduction is open refuses the
    /// request, and one left behind by an introduction that ended (its release failed, or it ended before claims were
    /// released) is deleted if nobody replaced it meanwhile (If-Match) and the request is tried again, up to
    /// <see cref="MaxClaimAttempts"/> times, after which the addition says it was contended.
    /// </remarks>
    public async Task<IntroductionAddition> TryAddForPairAsync(Introduction introduction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        await IndexBeforeAsync(introduction, cancellationToken).ConfigureAwait(false);
        var claim = PairClaim.RowFor(introduction);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var etags = await _table.SubmitTransactionAsync(
                    [new(TableTransactionActionType.Add, claim), new(TableTransactionActionType.Add, IntroductionEntity.From(introduction))], cancellationToken)
                    .ConfigureAwait(false);
                return new IntroductionAddition(introduction with { Version = etags[1].ToString() }, null);
            }
            catch (StorageConcurrencyException e) when (e.Status == 409 && e.FailedActionIndex == 1)
            {
                return new IntroductionAddition(null, null);
            }
            catch (StorageConcurrencyException e) when (e.Status == 409)
            {
                if (await HolderAsync(claim, cancellationToken).ConfigureAwait(false) is { } open)
                {
                    await ForgetIndexAsync(introduction, cancellationToken).ConfigureAwait(false);
                    return new IntroductionAddition(null, open);
                }

                if (attempt == MaxClaimAttempts)
                {
                    // Cleared each time, and taken again before the request got in: the caller is told to ask again.
                    await ForgetIndexAsync(introduction, cancellationToken).ConfigureAwait(false);
                    return new IntroductionAddition(null, null, Contended: true);
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<Introduction?> TryReplaceAsync(Introduction introduction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        await IndexBeforeAsync(introduction, cancellationToken).ConfigureAwait(false);
        ETag etag;
        try
        {
            etag = await _table.UpdateAsync(IntroductionEntity.From(introduction), IntroductionEntity.ETagOf(introduction), TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (StorageConcurrencyException)
        {
            return null;
        }

        if (!OpenIndex.Watches(introduction))
        {
            // After the write: should this delete fail, the row left behind is removed by the next ListDueAsync.
            await _table.DeleteAsync(OpenIndex.Partition, OpenIndex.RowKey(introduction), ETag.All, cancellationToken).ConfigureAwait(false);
        }

        if (!IntroductionDuplicates.IsOpen(introduction.State))
        {
            // After the write, too: should this fail, the next request for the pair finds the claim's introduction ended
            // and releases it then.
            await ReleaseClaimAsync(introduction, cancellationToken).ConfigureAwait(false);
        }

        return introduction with { Version = etag.ToString() };
    }

    /// <inheritdoc />
    public async Task<Introduction?> GetAsync(string ownerId, string introductionId, CancellationToken cancellationToken)
    {
        var row = await _table.GetAsync(IntroductionEntity.PartitionKey(ownerId), IntroductionEntity.RowKey(introductionId), cancellationToken).ConfigureAwait(false);
        return row is null ? null : IntroductionEntity.To(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Introduction>> ListAsync(string ownerId, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(TableFilter.Eq("PartitionKey", IntroductionEntity.PartitionKey(ownerId)), cancellationToken).ConfigureAwait(false);
        return [.. found.OrderByDescending(i => i.RequestedAt).ThenBy(i => i.IntroductionId, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    /// <remarks>
    /// One query of the <see cref="OpenIndex"/> partition, then a point read per row: the cost follows the introductions
    /// still open, not every introduction ever made. A row whose introduction has left the timer's states (its delete
    /// failed, or a write that lost its race indexed it) is removed here, only if nobody indexed it again meanwhile
    /// (If-Match), and so is one whose introduction was never stored, once <see cref="OpenIndex.OrphanGrace"/> has passed
    /// (its request may be being written right now). Introductions stored before the index existed are indexed by the
    /// first call, once, through one scan of the table (<see cref="OpenIndex.BackfilledMarker"/>); so are the claims left by
    /// introductions that ended without releasing them (<see cref="PairClaim.SweptMarker"/>).
    /// </remarks>
    public async Task<IReadOnlyList<Introduction>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await BackfillOnceAsync(cancellationToken).ConfigureAwait(false);
        await SweepClaimsOnceAsync(cancellationToken).ConfigureAwait(false);
        var due = new List<Introduction>();
        await foreach (var row in _table.QueryAsync(TableFilter.Eq("PartitionKey", OpenIndex.Partition), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var (ownerId, introductionId) = OpenIndex.Parse(row.RowKey);
            var introduction = await GetAsync(ownerId, introductionId, cancellationToken).ConfigureAwait(false);
            if (introduction is null ? now >= OpenIndex.RequestedAt(row) + OpenIndex.OrphanGrace : !OpenIndex.Watches(introduction))
            {
                await RemoveStaleAsync(row, cancellationToken).ConfigureAwait(false);
            }
            else if (introduction is not null && (introduction.State != IntroductionState.Stalled || introduction.ConsentDeadline <= now))
            {
                // A request that stalled before B answered waits for the introducer until its deadline, when it expires.
                due.Add(introduction);
            }
        }

        return due;
    }

    /// <summary>Indexes an introduction the timer must look at before it is written, so no write leaves one unindexed.</summary>
    private async Task IndexBeforeAsync(Introduction introduction, CancellationToken cancellationToken)
    {
        if (OpenIndex.Watches(introduction))
        {
            await _table.UpsertAsync(OpenIndex.RowFor(introduction), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RemoveStaleAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteAsync(OpenIndex.Partition, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConcurrencyException)
        {
            // Indexed again since it was read: a write is under way, and the row is kept for it.
        }
    }

    /// <summary>
    /// Indexes the introductions stored before the index existed, once: every row the old filter would have found
    /// (awaiting consent, introduced, stalled), then the marker. A concurrent write may be indexed twice or leave a row
    /// its introduction no longer needs; both are harmless, and the second is removed by the next run.
    /// </summary>
    private async Task BackfillOnceAsync(CancellationToken cancellationToken)
    {
        if (await IsDoneAsync(OpenIndex.BackfilledMarker, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var open = TableFilter.Eq(IntroductionEntity.State, nameof(IntroductionState.AwaitingConsent))
            .Or(TableFilter.Eq(IntroductionEntity.State, nameof(IntroductionState.Introduced)))
            .Or(TableFilter.Eq(IntroductionEntity.State, nameof(IntroductionState.Stalled)));
        foreach (var introduction in await QueryAsync(open, cancellationToken).ConfigureAwait(false))
        {
            await IndexBeforeAsync(introduction, cancellationToken).ConfigureAwait(false);
        }

        await MarkDoneAsync(OpenIndex.BackfilledMarker, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Releases, once, every claim whose introduction has ended or was never stored: those an erasure left before it
    /// released claims by the introduction they name (an erased introduction no longer names its pair, and no request
    /// between that pair comes to clear it), and any whose release failed. One scan of the claims of every partition,
    /// then the marker; a claim of an open introduction stays.
    /// </summary>
    private async Task SweepClaimsOnceAsync(CancellationToken cancellationToken)
    {
        if (await IsDoneAsync(PairClaim.SweptMarker, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var claims = TableFilter.Ge("RowKey", PairClaim.Prefix).And(TableFilter.Lt("RowKey", PairClaim.PrefixEnd));
        await foreach (var claim in _table.QueryAsync(claims, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await HolderAsync(claim, cancellationToken).ConfigureAwait(false);
        }

        await MarkDoneAsync(PairClaim.SweptMarker, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the one-off job of <paramref name="marker"/> has been done (its row in <see cref="OpenIndex.MetaPartition"/>).</summary>
    private async Task<bool> IsDoneAsync(string marker, CancellationToken cancellationToken) =>
        await _table.GetAsync(OpenIndex.MetaPartition, marker, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Records the one-off job of <paramref name="marker"/> as done.</summary>
    private async Task MarkDoneAsync(string marker, CancellationToken cancellationToken)
    {
        try
        {
            await _table.InsertAsync(new TableEntity(OpenIndex.MetaPartition, marker), cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConcurrencyException e) when (e.Status == 409)
        {
            // Another instance finished the same job first.
        }
    }

    /// <summary>
    /// The open introduction holding <paramref name="claim"/>'s pair, or null once the claim is out of the way: gone
    /// already, or left by an introduction that ended (or was never stored), in which case it is deleted here unless
    /// someone replaced it since it was read.
    /// </summary>
    private async Task<Introduction?> HolderAsync(TableEntity claim, CancellationToken cancellationToken)
    {
        if (await _table.GetAsync(claim.PartitionKey, claim.RowKey, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        var holder = stored.GetString(PairClaim.IntroductionIdProperty) is { } id
            ? await GetAsync(TableKeyCodec.Decode(claim.PartitionKey), id, cancellationToken).ConfigureAwait(false)
            : null;
        if (holder is not null && IntroductionDuplicates.IsOpen(holder.State))
        {
            return holder;
        }

        await DeleteIfUnchangedAsync(stored, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Deletes the index row written ahead of a request that was refused (never stored, and its id new): else it waits for
    /// the timer's next <see cref="ListDueAsync"/> to find no introduction behind it. Should this delete fail, the refusal
    /// still stands and the timer removes the row.
    /// </summary>
    private async Task ForgetIndexAsync(Introduction introduction, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteAsync(OpenIndex.Partition, OpenIndex.RowKey(introduction), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageRequestException)
        {
            // Left for the timer.
        }
    }

    /// <summary>
    /// Deletes the claim this introduction holds, found among the owner's claims by the introduction it names (one query
    /// of the claims' RowKey range in the owner's partition), not by its pair: one that an erasure ended no longer names
    /// its pair (<see cref="IntroductionErasure.ErasedContactId"/> stands in for the erased person).
    /// </summary>
    private async Task ReleaseClaimAsync(Introduction introduction, CancellationToken cancellationToken)
    {
        var claims = TableFilter.Eq("PartitionKey", IntroductionEntity.PartitionKey(introduction.OwnerId))
            .And(TableFilter.Ge("RowKey", PairClaim.Prefix))
            .And(TableFilter.Lt("RowKey", PairClaim.PrefixEnd))
            .And(TableFilter.Eq(PairClaim.IntroductionIdProperty, introduction.IntroductionId));
        await foreach (var held in _table.QueryAsync(claims, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await DeleteIfUnchangedAsync(held, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteIfUnchangedAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConcurrencyException)
        {
            // Replaced since it was read: it is someone else's now.
        }
    }

    private async Task<IReadOnlyList<Introduction>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var found = new List<Introduction>();
        await foreach (var row in _table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!PairClaim.Is(row))
            {
                found.Add(IntroductionEntity.To(row));
            }
        }

        return found;
    }
}
