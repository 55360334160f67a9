using System.Collections.Concurrent;

namespace Outreach.Core.Accounts;

/// <summary>Accounts held in memory: for tests and tools that need no storage.</summary>
public sealed class InMemoryAccountStore : IAccountStore
{
    private readonly ConcurrentDictionary<string, Account> _accounts = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<Account?> GetAsync(string accountId, CancellationToken cancellationToken) =>
        Task.FromResult(_accounts.GetValueOrDefault(accountId));

    /// <inheritdoc />
    public Task<bool> TryAddAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Task.FromResult(_accounts.TryAdd(account.AccountId, account));
    }
}
