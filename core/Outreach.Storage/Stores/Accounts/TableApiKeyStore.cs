using Outreach.Core.Accounts;
using Outreach.Storage.Tables;

namespace Outreach.Storage.Stores.Accounts;

/// <summary>
/// API key records in the <c>ApiKeys</c> table: one partition per key id, so verifying a presented key is one point
/// read. Only the SHA-256 of the secret is stored. Listing an account's keys filters on <c>AccountId</c>, a scan
/// that is fine for a table of a few keys per account and only runs when someone opens their key list.
/// </summary>
public sealed class TableApiKeyStore(StorageAccount storage) : IApiKeyStore
{
    private readonly EnsuredTable _table = new(storage.GetTable(AccountTables.ApiKeys));

    /// <inheritdoc />
    public async Task<ApiKeyRecord?> GetAsync(string keyId, CancellationToken cancellationToken)
    {
        if (!IsKeyId(keyId))
        {
            return null;
        }

        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = await table.GetAsync(keyId, AccountTables.KeyRow, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : Read(entity);
    }

    /// <inheritdoc />
    public async Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        await table.InsertAsync(Write(record), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task UpdateAsync(ApiKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertAsync(Write(record), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string accountId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<ApiKeyRecord>();
        await foreach (var entity in table.QueryAsync(TableFilter.Eq("AccountId", accountId), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(Read(entity));
        }

        return records;
    }

    // Presented key ids come from callers; anything a table key cannot hold is simply not a key.
    private static bool IsKeyId(string keyId) =>
        keyId is { Length: > 0 and <= 64 } && keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    internal static TableEntity Write(ApiKeyRecord record)
    {
        var entity = new TableEntity(record.KeyId, AccountTables.KeyRow)
        {
            ["AccountId"] = record.AccountId,
            ["Scopes"] = (int)record.Scopes,
            ["SecretHash"] = record.SecretHash,
            ["Name"] = record.Name,
            ["CreatedAt"] = record.CreatedAt,
        };
        if (record.RevokedAt is { } revoked)
        {
            entity["RevokedAt"] = revoked;
        }

        return entity;
    }

    internal static ApiKeyRecord Read(TableEntity entity) =>
        new(entity.PartitionKey, entity.GetString("AccountId")!, (ApiScopes)entity.GetInt32("Scopes")!.Value, entity.GetBinary("SecretHash")!,
            entity.GetString("Name")!, entity.GetDateTimeOffset("CreatedAt")!.Value, entity.GetDateTimeOffset("RevokedAt"));
}
