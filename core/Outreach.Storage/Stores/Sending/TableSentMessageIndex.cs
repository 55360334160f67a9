using Outreach.Core.Outcomes;
using Outreach.Core.Sending;
using Outreach.Storage.Tables;
using Outreach.Core.Messaging.Delivery;

namespace Outreach.Storage.Stores.Sending;

/// <summary>
/// The <c>SentMessages</c> table: PartitionKey the key-encoded normalised Message-ID (<see cref="MessageIds.Normalize"/>),
/// RowKey <c>m</c>, with the owner, task, contact and sender address key. One point read per look-up.
/// </summary>
/// <param name="table">The sent-messages table; it must exist.</param>
public sealed class TableSentMessageIndex(TableClient table) : ISentMessageLog
{
    private const string Row = "m";

    /// <inheritdoc />
    public Task RecordAsync(string messageId, SentMessageRef sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var entity = new TableEntity(PartitionKey(messageId), Row)
        {
            [nameof(SentMessageRef.OwnerId)] = sent.OwnerId,
            [nameof(SentMessageRef.TaskId)] = sent.TaskId,
            [nameof(SentMessageRef.ContactId)] = sent.ContactId,
            [nameof(SentMessageRef.SenderEmailKey)] = sent.SenderEmailKey,
        };
        return table.UpsertAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SentMessageRef?> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken)
    {
        var row = await table.GetAsync(PartitionKey(messageId), Row, cancellationToken).ConfigureAwait(false);
        return row is null ? null : new SentMessageRef(
            row.GetString(nameof(SentMessageRef.OwnerId)) ?? string.Empty,
            row.GetString(nameof(SentMessageRef.TaskId)) ?? string.Empty,
            row.GetString(nameof(SentMessageRef.ContactId)) ?? string.Empty,
            row.GetString(nameof(SentMessageRef.SenderEmailKey)));
    }

    private static string PartitionKey(string messageId) =>
        TableKeyCodec.Encode(MessageIds.Normalize(messageId) ?? throw new ArgumentException("A Message-ID is required.", nameof(messageId)));
}
