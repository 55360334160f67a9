using Outreach.Core.Accounts;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Accounts;

/// <summary>Accounts in the <c>Accounts</c> table, one row per account in a single partition.</summary>
public sealed class TableAccountStore(StorageAccount storage) : IAccountStore
{
    private readonly EnsuredTable _table = new(storage.GetTable(AccountTables.Accounts));

    /// <inheritdoc />
    public async Task<Account?> GetAsync(string accountId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = await table.GetAsync(AccountTables.AccountPartition, accountId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : Read(entity);
    }

    /// <inheritdoc />
    public async Task<bool> TryAddAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.InsertAsync(Write(account), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageConcurrencyException)
        {
            return false;
        }
    }

    internal static TableEntity Write(Account account)
    {
        var entity = new TableEntity(AccountTables.AccountPartition, account.AccountId)
        {
            ["Kind"] = account.Kind.ToString(),
            ["DisplayName"] = account.DisplayName,
            ["TimeZone"] = account.TimeZone,
            ["CreatedAt"] = account.CreatedAt,
        };
        entity["CoachId"] = account.CoachId;
        return entity;
    }

    internal static Account Read(TableEntity entity) =>
        new(entity.RowKey, Enum.Parse<AccountKind>(entity.GetString("Kind")!), entity.GetString("DisplayName")!,
            entity.GetString("TimeZone")!, entity.GetDateTimeOffset("CreatedAt")!.Value)
        {
            CoachId = entity.GetString("CoachId"),
        };
}
