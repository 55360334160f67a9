using System.Text;
using Outreach.Core.Outcomes;
using Outreach.Storage;
using Outreach.Storage.Tables;

namespace Outreach.Functions.Tests.Scoring;

/// <summary>
/// A minimal <see cref="IOutcomeStore"/> on a table, for the scoring integration tests only, until the outcomes
/// feature's table store is merged (the lead then replaces it with that one). Partition = owner id, row = hex of the dedupe key.
/// </summary>
internal sealed class ScoringTestOutcomeTable(TableClient table) : IOutcomeStore
{
    public async Task<bool> AddAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(outcome.OwnerId, Convert.ToHexString(Encoding.UTF8.GetBytes(outcome.DedupeKey)))
        {
            ["ContactId"] = outcome.ContactId,
            ["TaskId"] = outcome.TaskId,
            ["Type"] = outcome.Type.ToString(),
            ["OccurredAt"] = outcome.OccurredAt,
            ["Source"] = outcome.Source.ToString(),
        };
        try
        {
            await table.InsertAsync(entity, cancellationToken);
            return true;
        }
        catch (StorageConcurrencyException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<Outcome>> ListAsync(string ownerId, CancellationToken cancellationToken)
    {
        var outcomes = new List<Outcome>();
        await foreach (var e in table.QueryAsync(TableFilter.Eq("PartitionKey", ownerId), cancellationToken: cancellationToken))
        {
            outcomes.Add(new Outcome
            {
                OwnerId = ownerId,
                ContactId = e.GetString("ContactId")!,
                TaskId = e.GetString("TaskId"),
                Type = Enum.Parse<OutcomeType>(e.GetString("Type")!),
                OccurredAt = e.GetDateTimeOffset("OccurredAt")!.Value,
                Source = Enum.Parse<OutcomeSource>(e.GetString("Source")!),
                DedupeKey = Encoding.UTF8.GetString(Convert.FromHexString(e.RowKey)),
            });
        }

        return [.. outcomes.OrderBy(o => o.OccurredAt)];
    }
}
