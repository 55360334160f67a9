using Outreach.Core.Accounts;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Accounts;

/// <summary>
/// Coach consents in the <c>CoachConsents</c> table: one partition per coach, one row per client, so a coach's
/// client list is one partition query and checking one consent is one point read.
/// </summary>
public sealed class TableConsentStore(StorageAccount storage) : IConsentStore
{
    private readonly EnsuredTable _table = new(storage.GetTable(AccountTables.CoachConsents));

    /// <inheritdoc />
    public async Task<CoachConsent?> GetAsync(string coachId, string clientId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = await table.GetAsync(coachId, clientId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : Read(entity);
    }

    /// <inheritdoc />
    public async Task PutAsync(CoachConsent consent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consent);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(consent.CoachId, consent.ClientId)
        {
            ["Scopes"] = (int)consent.Scopes,
            ["GrantedAt"] = consent.GrantedAt,
        };
        if (consent.RevokedAt is { } revoked)
        {
            entity["RevokedAt"] = revoked;
        }

        await table.UpsertAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CoachConsent>> ListForCoachAsync(string coachId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var consents = new List<CoachConsent>();
        await foreach (var entity in table.QueryAsync(TableFilter.Eq("PartitionKey", coachId), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            consents.Add(Read(entity));
        }

        return consents;
    }

    private static CoachConsent Read(TableEntity entity) =>
        new(entity.RowKey, entity.PartitionKey, (ApiScopes)entity.GetInt32("Scopes")!.Value,
            entity.GetDateTimeOffset("GrantedAt")!.Value, entity.GetDateTimeOffset("RevokedAt"));
}
