namespace Outreach.Core.Accounts;

/// <summary>
/// The cohort each coach files each client under, keyed by coach then client. A coach's filing is the coach's own:
/// two coaches of one client file them independently, and a client's consent is never rewritten by it.
/// </summary>
public interface IClientCohortStore
{
    /// <summary>Every client <paramref name="coachId"/> has filed, with the cohort's name.</summary>
    Task<IReadOnlyDictionary<string, string>> ListForCoachAsync(string coachId, CancellationToken cancellationToken);

    /// <summary>The cohort <paramref name="coachId"/> files <paramref name="clientId"/> under, or null.</summary>
    Task<string?> GetAsync(string coachId, string clientId, CancellationToken cancellationToken);

    /// <summary>Files <paramref name="clientId"/> under <paramref name="cohort"/>, or (null) under none.</summary>
    Task PutAsync(string coachId, string clientId, string? cohort, CancellationToken cancellationToken);
}
