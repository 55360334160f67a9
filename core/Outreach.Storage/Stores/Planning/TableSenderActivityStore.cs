using Outreach.Core.Planning;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Planning;

/// <summary>
/// <see cref="ISenderActivityStore"/> on the <c>SenderActivity</c> table: PartitionKey the owner, RowKey <c>today</c>,
/// with LocalDay (<c>yyyy-MM-dd</c>), SentThatDay, LastSentUtc and LatestQueuedUtc. Every change is a read and an
/// ETag-conditional replace (insert when absent) of the whole row, retried on a lost race, so concurrent senders and
/// the dispatcher never lose a count or a queued slot, and a reservation against the daily cap is checked and counted
/// in one conditional write (two senders racing for the last place: the loser re-reads and finds the cap used).
/// </summary>
/// <param name="table">The sender-activity table (e.g. <c>account.GetTable(StoreTableNames.SenderActivity)</c>); it must exist.</param>
public sealed class TableSenderActivityStore(TableClient table) : ISenderActivityStore
{
    private const string RowKey = "today";
    private const string LocalDayProperty = nameof(SenderActivity.LocalDay);
    private const string SentThatDayProperty = nameof(SenderActivity.SentThatDay);
    private const string LastSentUtcProperty = nameof(SenderActivity.LastSentUtc);
    private const string LatestQueuedUtcProperty = nameof(SenderActivity.LatestQueuedUtc);
    private const string DayFormat = "yyyy-MM-dd";

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <inheritdoc />
    public async Task<SenderActivity> GetAsync(string ownerId, CancellationToken cancellationToken)
    {
        var row = await _table.GetAsync(TableKeyCodec.Encode(ownerId), RowKey, cancellationToken).ConfigureAwait(false);
        return row is null ? SenderActivity.None : ToActivity(row);
    }

    /// <inheritdoc />
    /// <exception cref="StorageConcurrencyException">The row stayed contended for every attempt (<see cref="ConditionalWrites.MaxAttempts"/>).</exception>
    public async Task<SenderActivity> RecordSendAsync(string ownerId, DateOnly localDay, DateTimeOffset sentUtc, CancellationToken cancellationToken) =>
        await UpdateAsync(ownerId, current => SenderActivityCounting.Add(current, localDay, sentUtc), "Counting a send in SenderActivity", cancellationToken)
            .ConfigureAwait(false) ?? SenderActivity.None;

    /// <inheritdoc />
    /// <exception cref="StorageConcurrencyException">The row stayed contended for every attempt (<see cref="ConditionalWrites.MaxAttempts"/>).</exception>
    public async Task<SenderActivity> RecordQueuedAsync(string ownerId, DateTimeOffset sendAtUtc, CancellationToken cancellationToken) =>
        await UpdateAsync(ownerId, current => SenderActivityCounting.Queue(current, sendAtUtc), "Recording a queued send in SenderActivity", cancellationToken)
            .ConfigureAwait(false) ?? SenderActivity.None;

    /// <inheritdoc />
    /// <exception cref="StorageConcurrencyException">The row stayed contended for every attempt (<see cref="ConditionalWrites.MaxAttempts"/>).</exception>
    public async Task<bool> TryReserveSendAsync(string ownerId, DateOnly localDay, int dailyCap, CancellationToken cancellationToken) =>
        await UpdateAsync(ownerId, current => SenderActivityCounting.Reserve(current, localDay, dailyCap), "Reserving a send in SenderActivity", cancellationToken)
            .ConfigureAwait(false) is not null;

    /// <inheritdoc />
    /// <exception cref="StorageConcurrencyException">The row stayed contended for every attempt (<see cref="ConditionalWrites.MaxAttempts"/>).</exception>
    public Task ReleaseSendAsync(string ownerId, DateOnly localDay, CancellationToken cancellationToken) =>
        UpdateAsync(ownerId, current => SenderActivityCounting.Release(current, localDay), "Releasing a send in SenderActivity", cancellationToken);

    /// <inheritdoc />
    /// <exception cref="StorageConcurrencyException">The row stayed contended for every attempt (<see cref="ConditionalWrites.MaxAttempts"/>).</exception>
    public Task RecordReservedSentAsync(string ownerId, DateTimeOffset sentUtc, CancellationToken cancellationToken) =>
        UpdateAsync(ownerId, current => SenderActivityCounting.Sent(current, sentUtc), "Recording a reserved send in SenderActivity", cancellationToken);

    /// <summary>One read-modify-write of the owner's row; <paramref name="change"/> returns null to decline (nothing written, null returned).</summary>
    private Task<SenderActivity?> UpdateAsync(string ownerId, Func<SenderActivity, SenderActivity?> change, string operation, CancellationToken cancellationToken) =>
        ConditionalWrites.RetryOnConflictAsync<SenderActivity?>(
            async ct =>
            {
                var partition = TableKeyCodec.Encode(ownerId);
                var row = await _table.GetAsync(partition, RowKey, ct).ConfigureAwait(false);
                var current = row is null ? SenderActivity.None : ToActivity(row);
                if (change(current) is not { } next)
                {
                    return null;
                }

                if (next == current)
                {
                    return current; // nothing to write (an earlier slot than the one recorded, a release for a past day)
                }

                var entity = new TableEntity(partition, RowKey)
                {
                    [LocalDayProperty] = next.LocalDay.ToString(DayFormat, System.Globalization.CultureInfo.InvariantCulture),
                    [SentThatDayProperty] = next.SentThatDay,
                    [LastSentUtcProperty] = next.LastSentUtc,
                    [LatestQueuedUtcProperty] = next.LatestQueuedUtc,
                };
                if (row is null)
                {
                    await _table.InsertAsync(entity, ct).ConfigureAwait(false);
                }
                else
                {
                    await _table.UpdateAsync(entity, row.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                }

                return next;
            },
            operation,
            cancellationToken);

    private static SenderActivity ToActivity(TableEntity row) => new(
        DateOnly.ParseExact(row.GetString(LocalDayProperty) ?? throw new FormatException($"SenderActivity row {row.PartitionKey} has no {LocalDayProperty}."), DayFormat, System.Globalization.CultureInfo.InvariantCulture),
        row.GetInt32(SentThatDayProperty) ?? 0,
        row.GetDateTimeOffset(LastSentUtcProperty))
    {
        LatestQueuedUtc = row.GetDateTimeOffset(LatestQueuedUtcProperty),
    };
}
