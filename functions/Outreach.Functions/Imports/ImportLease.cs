using Azure;
using Outreach.Core;

namespace Outreach.Functions.Imports;

/// <summary>
/// An owner's import lease held by one import or erasure (<see cref="ImportLeases"/>): renewed while it runs, freed when
/// disposed. It is lost when its holder stalls past <see cref="ImportLeases.Duration"/> (its instance paused) and another
/// takes it. An import then stops at its next renewal (<see cref="EnsureHeldAsync"/>), rather than write alongside another
/// import (both could create the same person) or an erasure (it could import again the rows the erasure is taking out of
/// its file). An erasure goes on (<see cref="RenewIfDueAsync"/>): stopping would leave the contact half erased.
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

    /// <summary>The owner the lease is on.</summary>
    public string OwnerId => _ownerId;

    /// <summary>Who holds it: an import id, or an erasure's own.</summary>
    public string HolderId => _importId;

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

    /// <summary>
    /// Renews the lease when due, as <see cref="RenewIfDueAsync"/>, and throws a <see cref="DomainException"/>
    /// <see cref="ImportLeases.LostCode"/> once it is lost: the import stops where it is, with what it stored so far kept.
    /// </summary>
    public async ValueTask EnsureHeldAsync(CancellationToken cancellationToken)
    {
        await RenewIfDueAsync(cancellationToken).ConfigureAwait(false);
        if (!Held)
        {
            throw new DomainException(
                ImportLeases.LostCode,
                "The import stopped before its end: it stalled for over a minute, and another import or the erasure of a contact of this " +
                "account went ahead meanwhile, so it stopped rather than write alongside it. It can be retried.",
                "id");
        }
    }

    /// <summary>Frees the owner for the next import (not cancellable: a lease left behind would hold the owner for a minute; one storage failed to free is left to run out).</summary>
    public async ValueTask DisposeAsync()
    {
        _leases.LetGo(this);
        if (Held)
        {
            await _leases.ReleaseAsync(_ownerId, _etag, CancellationToken.None).ConfigureAwait(false);
            Held = false;
        }
    }
}
