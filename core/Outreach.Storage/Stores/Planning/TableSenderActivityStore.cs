using Outreach.Core.Planning;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Planning;

/// <summary>
/// <see cref="ISenderActivityStore"/> on the <c>SenderActivity</c> table: PartitionKey the owner, RowKey <c>today</c>,
/// with LocalDay (<c>yyyy-MM-dd</c>), SentThatDay, LastSentUtc and LatestQueuedUtc. Every change is a read and an
/// ETag-conditional replace (insert when absent) of the whole row, retried on a lost race, so concurrent senders and
/// the dispatcher never lose a count or a queued slot.
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
    public Task<SenderActivity> RecordSendAsync(string ownerId, DateOnly localDay, DateTimeOffset sentUtc, CancellationToken cancellationToken) =>
        UpdateAsync(ownerId, current => SenderActivityCounting.Add(current, localDay, sentUtc), "Counting a send in SenderActivity", cancellationToken);

    /// <inheritdoc />
    /// <exception cref="StorageConcurrencyException">The row stayed contended for every attempt (<see cref="ConditionalWrites.MaxAttempts"/>).</exception>
    public Task<SenderActivity> RecordQueuedAsync(string ownerId, DateTimeOffset sendAtUtc, CancellationToken cancellationToken) =>
        UpdateAsync(ownerId, current => SenderActivityCounting.Queue(current, sendAtUtc), "Recording a queued send in SenderActivity", cancellationToken);

    private Task<SenderActivity> UpdateAsync(string ownerId, Func<SenderActivity, SenderActivity> change, string operation, CancellationToken cancellationToken) =>
        ConditionalWrites.RetryOnConflictAsync(
            async ct =>
            {
                var partition = TableKeyCodec.Encode(ownerId);
                var row = await _table.GetAsync(partition, RowKey, ct).ConfigureAwait(false);
                var current = row is null ? SenderActivity.None : ToActivity(row);
                var next = change(current);
                if (row is not null && next == current)
                {
                    return current; // nothing to write (an earlier slot than the one recorded)
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
