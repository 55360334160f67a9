using System.Collections.Concurrent;

namespace Outreach.Core.Accounts;

/// <summary>Coaches' cohorts held in memory: for tests and tools that need no storage.</summary>
public sealed class InMemoryClientCohortStore : IClientCohortStore
{
    private readonly ConcurrentDictionary<(string Coach, string Client), string> _cohorts = new();

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> ListForCoachAsync(string coachId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(_cohorts
            .Where(entry => string.Equals(entry.Key.Coach, coachId, StringComparison.Ordinal))
            .ToDictionary(entry => entry.Key.Client, entry => entry.Value, StringComparer.Ordinal));

    /// <inheritdoc />
    public Task<string?> GetAsync(string coachId, string clientId, CancellationToken cancellationToken) =>
        Task.FromResult(_cohorts.GetValueOrDefault((coachId, clientId)));

    /// <inheritdoc />
    public Task PutAsync(string coachId, string clientId, string? cohort, CancellationToken cancellationToken)
    {
        if (cohort is null)
        {
            _cohorts.TryRemove((coachId, clientId), out _);
        }
        else
        {
            _cohorts[(coachId, clientId)] = cohort;
        }

        return Task.CompletedTask;
    }
}
