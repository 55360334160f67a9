using Outreach.Core.Contacts;

namespace Outreach.Functions.Imports;

/// <summary>
/// Where an import writes the owner's contacts: each batch only while the import still holds the owner's lease
/// (<see cref="ImportLease.EnsureHeldAsync"/>, renewed when due). An import that stalled past the lease while an erasure
/// or another import took it stops before its next write, not after it: the rows it read while paused are not written
/// alongside the new holder. A write outside any lease taken in this process (none is expected) goes through as it is.
/// </summary>
/// <param name="inner">The contact store.</param>
/// <param name="leases">Where the import's lease is found (<see cref="ImportLeases.TakenHere"/>).</param>
/// <param name="leaseOwnerId">The owner imported into, whose lease the import holds.</param>
/// <param name="importId">The import, the lease's holder.</param>
internal sealed class LeaseGuardedSink(IContactSink inner, ImportLeases leases, string leaseOwnerId, string importId) : IContactSink
{
    public async ValueTask WriteAsync(string ownerId, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken)
    {
        await EnsureHeldAsync(cancellationToken).ConfigureAwait(false);
        await inner.WriteAsync(ownerId, contacts, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask WriteAsync(
        string ownerId, IReadOnlyList<Contact> contacts, IReadOnlyList<bool> storedAlready, IReadOnlyList<ContactKeyClaim> claims, CancellationToken cancellationToken)
    {
        await EnsureHeldAsync(cancellationToken).ConfigureAwait(false);
        await inner.WriteAsync(ownerId, contacts, storedAlready, claims, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask EnsureHeldAsync(CancellationToken cancellationToken) =>
        leases.TakenHere(leaseOwnerId, importId) is { } lease ? lease.EnsureHeldAsync(cancellationToken) : ValueTask.CompletedTask;
}
