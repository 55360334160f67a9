using System.Globalization;

namespace Outreach.Core.Senders;

/// <summary>Sender profiles held in memory (tests, dry runs, the benchmark), versioned as the table store versions them.</summary>
public sealed class InMemorySenderProfileStore : ISenderProfileStore
{
    private readonly Dictionary<string, SenderProfile> _profiles = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _versions;

    /// <inheritdoc />
    public Task<SenderProfile?> GetAsync(string ownerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_profiles.TryGetValue(ownerId, out var profile) ? profile : null);
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(SenderProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (_gate)
        {
            _profiles[profile.OwnerId] = profile with { Version = NextVersion() };
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SenderProfile?> TrySaveAsync(SenderProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (_gate)
        {
            var stored = _profiles.GetValueOrDefault(profile.OwnerId);
            if (!string.Equals(stored?.Version, profile.Version, StringComparison.Ordinal))
            {
                return Task.FromResult<SenderProfile?>(null);
            }

            var saved = profile with { Version = NextVersion() };
            _profiles[profile.OwnerId] = saved;
            return Task.FromResult<SenderProfile?>(saved);
        }
    }

    private string NextVersion() => (++_versions).ToString(CultureInfo.InvariantCulture);
}
