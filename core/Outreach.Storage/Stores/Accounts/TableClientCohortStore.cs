using Outreach.Core.Accounts;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Accounts;

/// <summary>
/// Coaches' cohorts in the <c>CoachCohorts</c> table: one partition per coach, one row per filed client, apart from
/// the client's consent (<see cref="TableConsentStore"/>) so a coach filing a client and the client granting or
/// withdrawing consent never overwrite each other.
/// </summary>
public sealed class TableClientCohortStore(StorageAccount storage) : IClientCohortStore
{
    private readonly EnsuredTable _table = new(storage.GetTable(AccountTables.CoachCohorts));

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> ListForCoachAsync(string coachId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var cohorts = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync(TableFilter.Eq("PartitionKey", coachId), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.GetString("Cohort") is { Length: > 0 } cohort)
            {
                cohorts[entity.RowKey] = cohort;
            }
        }

        return cohorts;
    }

    /// <inheritdoc />
    public async Task<string?> GetAsync(string coachId, string clientId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = await table.GetAsync(coachId, clientId, cancellationToken).ConfigureAwait(false);
        return entity?.GetString("Cohort") is { Length: > 0 } cohort ? cohort : null;
    }

    /// <inheritdoc />
    public async Task PutAsync(string coachId, string clientId, string? cohort, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        if (cohort is null)
        {
            await table.DeleteAsync(coachId, clientId, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await table.UpsertAsync(new TableEntity(coachId, clientId) { ["Cohort"] = cohort }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }
}
