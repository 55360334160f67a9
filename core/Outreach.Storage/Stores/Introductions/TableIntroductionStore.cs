using Outreach.Core.Introductions;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Introductions;

/// <summary>
/// <see cref="IIntroductionStore"/> on the <c>Introductions</c> table (one partition per owner; see
/// <see cref="IntroductionEntity"/>). Writes are ETag-conditional.
/// </summary>
/// <param name="table">The introductions table; it must exist.</param>
public sealed class TableIntroductionStore(TableClient table) : IIntroductionStore
{
    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <inheritdoc />
    public async Task<Introduction?> TryAddAsync(Introduction introduction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(introduction);
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
    public async Task<Introduction?> TryReplaceAsync(Introduction introduction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        try
        {
            var etag = await _table.UpdateAsync(IntroductionEntity.From(introduction), IntroductionEntity.ETagOf(introduction), TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
            return introduction with { Version = etag.ToString() };
        }
        catch (StorageConcurrencyException)
        {
            return null;
        }
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
    /// A filter over the whole table: introductions are few (a handful per owner, the hourly timer is the only caller),
    /// and the filter keeps only the due ones on the wire. If that ever grows, index them by due hour like the due index.
    /// </remarks>
    public async Task<IReadOnlyList<Introduction>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Every request awaiting consent, not only expiring ones: one whose consent ask was skipped or failed stalls early.
        // Every introduction made, not only those due a nudge: one whose email was never stored gets it planned again
        // within the hour rather than stalling a week later. Both states are short-lived, so the list stays small.
        // A request that stalled before B answered expires at its deadline like any other; a row with no Answer cannot be
        // told apart by a filter (a missing property matches no comparison), so the stalled rows past their deadline are
        // narrowed here, and an introduction that stalled after B's yes (the introducer closes it) is left alone.
        var awaiting = TableFilter.Eq(IntroductionEntity.State, nameof(IntroductionState.AwaitingConsent));
        var introduced = TableFilter.Eq(IntroductionEntity.State, nameof(IntroductionState.Introduced));
        var stalledPastDeadline = TableFilter.Eq(IntroductionEntity.State, nameof(IntroductionState.Stalled))
            .And(TableFilter.Le(IntroductionEntity.ConsentDeadline, now));
        var found = await QueryAsync(awaiting.Or(introduced).Or(stalledPastDeadline), cancellationToken).ConfigureAwait(false);
        return [.. found.Where(i => i.State != IntroductionState.Stalled || i.Answer is null)];
    }

    private async Task<IReadOnlyList<Introduction>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var found = new List<Introduction>();
        await foreach (var row in _table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found.Add(IntroductionEntity.To(row));
        }

        return found;
    }
}
