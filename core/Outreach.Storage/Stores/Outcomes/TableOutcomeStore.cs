using Outreach.Core.Outcomes;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Outcomes;

/// <summary>
/// <see cref="IOutcomeStore"/> on the <c>Outcomes</c> table: one partition per owner, RowKey the key-encoded
/// <see cref="Outcome.DedupeKey"/>, so recording the same event twice is an insert that meets a 409 and records nothing.
/// Listing an owner (training labels, metrics) is one partition query.
/// </summary>
/// <param name="table">The outcomes table; created on first use.</param>
public sealed class TableOutcomeStore(TableClient table) : IOutcomeStore
{
    private const string ContactIdProperty = nameof(Outcome.ContactId);
    private const string TaskIdProperty = nameof(Outcome.TaskId);
    private const string TypeProperty = nameof(Outcome.Type);
    private const string SeverityProperty = nameof(Outcome.BounceSeverity);
    private const string OccurredUtcProperty = "OccurredUtc";
    private const string SourceProperty = nameof(Outcome.Source);
    private const string NoteProperty = nameof(Outcome.Note);

    private readonly EnsuredTable _table = new(table ?? throw new ArgumentNullException(nameof(table)));

    /// <inheritdoc />
    public async Task<bool> AddAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var entity = new TableEntity(TableKeyCodec.Encode(outcome.OwnerId), TableKeyCodec.Encode(outcome.DedupeKey))
        {
            [ContactIdProperty] = outcome.ContactId,
            [TypeProperty] = outcome.Type.ToString(),
            [OccurredUtcProperty] = outcome.OccurredAt.ToUniversalTime(),
            [SourceProperty] = outcome.Source.ToString(),
            [TaskIdProperty] = outcome.TaskId,
            [SeverityProperty] = outcome.BounceSeverity?.ToString(),
            [NoteProperty] = outcome.Note,
        };
        try
        {
            await (await _table.GetAsync(cancellationToken).ConfigureAwait(false)).InsertAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageConcurrencyException e) when (e.Status == 409)
        {
            return false; // recorded before: a redelivered webhook, a second click
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Outcome>> ListAsync(string ownerId, CancellationToken cancellationToken) =>
        QueryAsync(ownerId, TableFilter.Eq("PartitionKey", TableKeyCodec.Encode(ownerId)), cancellationToken);

    /// <summary>The outcomes of one contact of the owner, oldest first (what erasure must reach).</summary>
    public Task<IReadOnlyList<Outcome>> ListForContactAsync(string ownerId, string contactId, CancellationToken cancellationToken) =>
        QueryAsync(ownerId, TableFilter.Eq("PartitionKey", TableKeyCodec.Encode(ownerId)).And(TableFilter.Eq(ContactIdProperty, contactId)), cancellationToken);

    /// <summary>Deletes one outcome (with its note); false when there was none.</summary>
    public async Task<bool> DeleteAsync(string ownerId, string dedupeKey, CancellationToken cancellationToken) =>
        await (await _table.GetAsync(cancellationToken).ConfigureAwait(false))
            .DeleteAsync(TableKeyCodec.Encode(ownerId), TableKeyCodec.Encode(dedupeKey), cancellationToken: cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<Outcome>> QueryAsync(string ownerId, TableFilter filter, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var outcomes = new List<Outcome>();
        await foreach (var row in table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            outcomes.Add(To(ownerId, row));
        }

        return [.. outcomes.OrderBy(o => o.OccurredAt).ThenBy(o => o.DedupeKey, StringComparer.Ordinal)];
    }

    private static Outcome To(string ownerId, TableEntity row) => new()
    {
        OwnerId = ownerId,
        ContactId = row.GetString(ContactIdProperty) ?? throw new FormatException($"Outcome {row.RowKey} has no {ContactIdProperty}."),
        TaskId = row.GetString(TaskIdProperty),
        Type = Enum.Parse<OutcomeType>(row.GetString(TypeProperty) ?? throw new FormatException($"Outcome {row.RowKey} has no {TypeProperty}.")),
        BounceSeverity = row.GetString(SeverityProperty) is { } severity ? Enum.Parse<BounceSeverity>(severity) : null,
        OccurredAt = row.GetDateTimeOffset(OccurredUtcProperty) ?? throw new FormatException($"Outcome {row.RowKey} has no {OccurredUtcProperty}."),
        Source = Enum.Parse<OutcomeSource>(row.GetString(SourceProperty) ?? throw new FormatException($"Outcome {row.RowKey} has no {SourceProperty}.")),
        DedupeKey = TableKeyCodec.Decode(row.RowKey),
        Note = row.GetString(NoteProperty),
    };
}
