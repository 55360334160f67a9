using Azure;

namespace Outreach.Functions.Imports;

/// <summary>
/// An owner's import lease held by one import (<see cref="ImportLeases"/>): renewed while the import runs, freed when
/// disposed. Losing it (the import stalled past <see cref="ImportLeases.Duration"/> and another took it) does not stop
/// the import; it only means the two may overlap, as they could before leases.
/// </summary>
internal sealed class ImportLease : IAsyncDisposable
{
    private readonly ImportLeases _leases;
    private readonly string _ownerId;
    private readonly string _importId;
    private ETag _etag;
    private DateTimeOffset _renewedAt;

    internal ImportLease(ImportLeases leases, string ownerId, string importId, ETag etag)
    {
        _leases = leases;
        _ownerId = ownerId;
        _importId = importId;
        _etag = etag;
        _renewedAt = leases.Time.GetUtcNow();
    }

    /// <summary>Whether the lease is still this import's, as far as the last renewal knows.</summary>
    public bool Held { get; private set; } = true;

    /// <summary>Renews the lease once a third of its duration has passed since the last renewal (cheap to call per row).</summary>
    public async ValueTask RenewIfDueAsync(CancellationToken cancellationToken)
    {
        // The lease runs on the clock its expiry is written in, so renewal is judged by the same one.
        if (!Held || _leases.Time.GetUtcNow() - _renewedAt < ImportLeases.Duration / 3)
        {
            return;
        }

        (Held, _etag) = await _leases.RenewAsync(_ownerId, _importId, _etag, cancellationToken).ConfigureAwait(false);
        _renewedAt = _leases.Time.GetUtcNow();
    }

    /// <summary>Frees the owner for the next import (not cancellable: a lease left behind would hold the owner for a minute; one storage failed to free is left to run out).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Held)
        {
            await _leases.ReleaseAsync(_ownerId, _etag, CancellationToken.None).ConfigureAwait(false);
            Held = false;
        }
    }
}
