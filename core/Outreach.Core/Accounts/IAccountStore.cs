namespace Outreach.Core.Accounts;

/// <summary>Where accounts are kept.</summary>
public interface IAccountStore
{
    /// <summary>The account, or null when there is none.</summary>
    Task<Account?> GetAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="account"/>; false (and nothing changed) when the id is taken.</summary>
    Task<bool> TryAddAsync(Account account, CancellationToken cancellationToken);
}
