using System.Collections.Concurrent;

namespace Outreach.Core.Senders;

/// <summary>Sender profiles held in memory (tests, dry runs, the benchmark).</summary>
public sealed class InMemorySenderProfileStore : ISenderProfileStore
{
    private readonly ConcurrentDictionary<string, SenderProfile> _profiles = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<SenderProfile?> GetAsync(string ownerId, CancellationToken cancellationToken) =>
        Task.FromResult(_profiles.TryGetValue(ownerId, out var profile) ? profile : null);

    /// <inheritdoc />
    public Task SaveAsync(SenderProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profiles[profile.OwnerId] = profile;
        return Task.CompletedTask;
    }
}
