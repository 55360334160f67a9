using System.Collections.Concurrent;

namespace Outreach.Core.Accounts;

/// <summary>Coach consents held in memory: for tests and tools that need no storage.</summary>
public sealed class InMemoryConsentStore : IConsentStore
{
    private readonly ConcurrentDictionary<(string Coach, string Client), CoachConsent> _consents = new();

    /// <inheritdoc />
    public Task<CoachConsent?> GetAsync(string coachId, string clientId, CancellationToken cancellationToken) =>
        Task.FromResult(_consents.GetValueOrDefault((coachId, clientId)));

    /// <inheritdoc />
    public Task PutAsync(CoachConsent consent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consent);
        _consents[(consent.CoachId, consent.ClientId)] = consent;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CoachConsent>> ListForCoachAsync(string coachId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CoachConsent>>(
            [.. _consents.Values.Where(c => string.Equals(c.CoachId, coachId, StringComparison.Ordinal)).OrderBy(c => c.ClientId, StringComparer.Ordinal)]);
}
