using Outreach.Core.Outcomes;
using Outreach.Core.Sending;
using Outreach.Storage.Tables;
using Outreach.Core.Messaging.Delivery;

namespace Outreach.Storage.Stores.Sending;

/// <summary>
/// The <c>SentMessages</c> table: PartitionKey the key-encoded normalised Message-ID (<see cref="MessageIds.Normalize"/>),
/// RowKey <c>m</c>, with the owner, task, contact and sender address key. One point read per look-up.
/// Each send also writes a row by task (PartitionKey <c>task|{taskId}</c>, RowKey <c>t</c>; an encoded Message-ID never
/// holds a raw <c>|</c>), so a reply-address token, which carries only the task id, finds its owner and contact.
/// </summary>
/// <param name="table">The sent-messages table; it must exist.</param>
public sealed class TableSentMessageIndex(TableClient table) : ISentMessageLog
{
    private const string Row = "m";
    private const string TaskRow = "t";

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
        return RecordBothAsync(entity, sent, cancellationToken);
    }

    /// <summary>The sent message of a task (owner, contact), or null when the task never went out.</summary>
    public async Task<SentMessageRef?> FindByTaskIdAsync(string taskId, CancellationToken cancellationToken)
    {
        var row = await table.GetAsync(TaskPartitionKey(taskId), TaskRow, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Read(row);
    }

    /// <summary>Deletes what a task's send recorded (erasure): the row by task and, when known, the row by Message-ID.</summary>
    public async Task RemoveAsync(string taskId, string? messageId, CancellationToken cancellationToken)
    {
        await table.DeleteAsync(TaskPartitionKey(taskId), TaskRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (MessageIds.Normalize(messageId ?? string.Empty) is not null)
        {
            await table.DeleteAsync(PartitionKey(messageId!), Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RecordBothAsync(TableEntity byMessageId, SentMessageRef sent, CancellationToken cancellationToken)
    {
        await table.UpsertAsync(byMessageId, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        var byTask = new TableEntity(TaskPartitionKey(sent.TaskId), TaskRow);
        foreach (var (name, value) in byMessageId)
        {
            byTask[name] = value;
        }

        await table.UpsertAsync(byTask, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<SentMessageRef?> FindByMessageIdAsync(string messageId, CancellationToken cancellationToken)
    {
        var row = await table.GetAsync(PartitionKey(messageId), Row, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Read(row);
    }

    private static SentMessageRef Read(TableEntity row) => new(
        row.GetString(nameof(SentMessageRef.OwnerId)) ?? string.Empty,
        row.GetString(nameof(SentMessageRef.TaskId)) ?? string.Empty,
        row.GetString(nameof(SentMessageRef.ContactId)) ?? string.Empty,
        row.GetString(nameof(SentMessageRef.SenderEmailKey)));

    private static string TaskPartitionKey(string taskId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        return TableKeyCodec.Join("task", taskId.ToLowerInvariant());
    }

    private static string PartitionKey(string messageId) =>
        TableKeyCodec.Encode(MessageIds.Normalize(messageId) ?? throw new ArgumentException("A Message-ID is required.", nameof(messageId)));
}
