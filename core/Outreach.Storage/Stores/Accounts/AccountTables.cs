namespace Outreach.Storage.Stores.Accounts;

/// <summary>The table names and fixed keys of the account stores.</summary>
public static class AccountTables
{
    /// <summary>Accounts: PartitionKey <see cref="AccountPartition"/>, RowKey the account id.</summary>
    public const string Accounts = "Accounts";

    /// <summary>API keys: PartitionKey the key id (so verifying a key is one point read), RowKey <see cref="KeyRow"/>.</summary>
    public const string ApiKeys = "ApiKeys";

    /// <summary>Coach consents: PartitionKey the coach id, RowKey the client id.</summary>
    public const string CoachConsents = "CoachConsents";

    /// <summary>The cohort each coach files each client under: PartitionKey the coach id, RowKey the client id.</summary>
    public const string CoachCohorts = "CoachCohorts";

    /// <summary>The one partition accounts live in: there are few accounts and they are read by id.</summary>
    public const string AccountPartition = "account";

    /// <summary>The row key of every API key entity.</summary>
    public const string KeyRow = "key";
}
