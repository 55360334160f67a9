using System.Text;
using Azure;
using Azure.Core;

namespace Outreach.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>The most actions one transaction may hold.</summary>
    public const int MaxTransactionActions = 100;

    private const int MaxTransactionBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Submits up to 100 actions on ONE partition as an atomic transaction: all succeed, or none is applied.
    /// </summary>
    /// <returns>The new ETag of each action's entity, in order (default for deletes).</returns>
    /// <exception cref="ArgumentException">Empty, over 100 actions, several partitions, a row twice, or a bad key.</exception>
    /// <exception cref="StorageRequestException">
    /// The service rejected an action and rolled everything back; <see cref="StorageRequestException.FailedActionIndex"/>
    /// names it (a <see cref="StorageConcurrencyException"/> for a 412 or an insert that found the entity).
    /// </exception>
    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        CheckTransaction(actions);
        var batch = "batch_" + Guid.NewGuid().ToString("N");
        var changeset = "changeset_" + Guid.NewGuid().ToString("N");
        var body = TableBatchBody.Build(_tableUri, actions, batch, changeset);
        if (body.Length > MaxTransactionBytes)
        {
            throw new TableTransactionTooLargeException(body.Length, MaxTransactionBytes);
        }

        using var message = Create(RequestMethod.Post, Address(_serviceEndpoint, "/$batch"), body, "multipart/mixed; boundary=" + batch);
        message.Request.Headers.SetValue(HttpHeader.Names.Accept, "application/json");
        var operation = $"A transaction of {actions.Count} actions on table {Name}";
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 202)
        {
            throw _pipeline.Failure(response, operation);
        }

        var (etags, failure) = TableBatchResponse.Read(Encoding.UTF8.GetString(response.Content.ToMemory().Span));
        if (failure is not null)
        {
            response.Headers.TryGetValue("x-ms-request-id", out var requestId);
            var text = $"{operation} was rolled back: action {failure.Index?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} failed with {failure.Status} {failure.Code}";
            var concurrent = failure.Status == 412 || (failure.Status == 409 && failure.Code == "EntityAlreadyExists");
            throw concurrent
                ? new StorageConcurrencyException(text, failure.Status, failure.Code, requestId) { FailedActionIndex = failure.Index }
                : new StorageRequestException(text, failure.Status, failure.Code, requestId) { FailedActionIndex = failure.Index };
        }

        return etags;
    }

    /// <summary>
    /// Submits any number of actions as transactions of at most 100, grouped by partition (order kept within a
    /// partition). Each transaction is atomic; the whole call is not: on a failure, earlier transactions stay applied.
    /// </summary>
    /// <returns>How many transactions were submitted.</returns>
    public async Task<int> SubmitInBatchesAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var transactions = 0;
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(MaxTransactionActions))
            {
                await SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
                transactions++;
            }
        }

        return transactions;
    }

    /// <summary>Upserts any number of entities in transactions of at most 100 per partition (see <see cref="SubmitInBatchesAsync"/>).</summary>
    /// <returns>How many transactions were submitted.</returns>
    public Task<int> UpsertInBatchesAsync(IEnumerable<TableEntity> entities, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var type = mode == TableUpdateMode.Replace ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.UpsertMerge;
        return SubmitInBatchesAsync(entities.Select(e => new TableTransactionAction(type, e)), cancellationToken);
    }

    private static void CheckTransaction(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxTransactionActions)
        {
            throw new ArgumentException($"A transaction holds 1 to {MaxTransactionActions} actions, not {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i].Entity;
            TableKeys.Check(entity);
            if (!string.Equals(entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Action {i} is in another partition: a transaction covers one PartitionKey.", nameof(actions));
            }

            if (!rows.Add(entity.RowKey))
            {
                throw new ArgumentException($"Action {i} repeats a RowKey: a transaction may touch each entity once.", nameof(actions));
            }
        }
    }
}
