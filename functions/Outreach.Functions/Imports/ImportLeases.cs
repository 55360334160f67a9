using System.Collections.Concurrent;
using Outreach.Core;
using Azure;
using Outreach.Storage;
using Outreach.Storage.Tables;

namespace Outreach.Functions.Imports;

/// <summary>
/// One import at a time per owner. Two imports running at once could each create the same person, reached through
/// different keys (an email in one file, only a LinkedIn URL in the other), since neither sees the other's contacts
/// before they are written. The holder is a row in the <c>Imports</c> table (partition <see cref="Partition"/>, row
/// key the owner) naming the import and until when it holds: a lease of <see cref="Duration"/>, renewed as the
/// import goes (<see cref="ImportLease.RenewIfDueAsync"/>), so one whose process died frees the owner within a minute.
/// Writes are conditional on the row's ETag, so two takers of an expired lease cannot both win. The table is the one
/// <see cref="ImportStorage"/> creates for the import records.
/// </summary>
internal sealed class ImportLeases(TableClient table, TimeProvider time)
{
    /// <summary>The leases taken in this process and not let go of yet, by owner and holder.</summary>
    private readonly ConcurrentDictionary<(string OwnerId, string HolderId), ImportLease> _taken = new();

    /// <summary>The partition of the lease rows, apart from the owners' import rows (owner ids never start with '~').</summary>
    public const string Partition = "~leases";

    /// <summary>The code of the refusal when another import of the owner holds the lease too long.</summary>
    public const string OwnerBusyCode = "import.owner-busy";

    /// <summary>The code of the failure of an import that lost the lease midway (<see cref="ImportLease.EnsureHeldAsync"/>); it can be retried.</summary>
    public const string LostCode = "import.lease-lost";

    /// <summary>How long a lease holds unless renewed.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(1);

    /// <summary>How often a waiting import asks again.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private const string ImportIdProperty = "ImportId";
    private const string HeldUntilProperty = "HeldUntil";

    /// <summary>
    /// Takes the owner's lease for <paramref name="importId"/>, waiting up to <paramref name="wait"/> for another
    /// import of the owner to finish: a <see cref="DomainException"/> <c>import.owner-busy</c> when it has not by then.
    /// </summary>
    public Task<ImportLease> AcquireAsync(string ownerId, string importId, TimeSpan wait, CancellationToken cancellationToken) =>
        AcquireAsync(
            ownerId,
            importId,
            wait,
            "Another import for this account is still running; upload this file again once it has finished (its report is under Recent imports).",
            "file",
            cancellationToken);

    /// <summary>As <see cref="AcquireAsync(string, string, TimeSpan, CancellationToken)"/>, for another holder than an import (an erasure), which says what to do when the owner is busy.</summary>
    /// <param name="ownerId">The owner.</param>
    /// <param name="holderId">Who holds the lease (an import id, or the work's own).</param>
    /// <param name="wait">How long to wait for the lease.</param>
    /// <param name="busyMessage">The message of the <c>import.owner-busy</c> refusal.</param>
    /// <param name="busyTarget">The parameter that refusal names.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<ImportLease> AcquireAsync(string ownerId, string holderId, TimeSpan wait, string busyMessage, string busyTarget, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            if (await TryAcquireAsync(ownerId, holderId, cancellationToken).ConfigureAwait(false) is { } lease)
            {
                return lease;
            }

            if (time.GetElapsedTime(started) >= wait)
            {
                throw new DomainException(OwnerBusyCode, busyMessage, busyTarget);
            }

            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes the owner's lease if nobody holds it, or the holder's has run out; null otherwise.</summary>
    public async Task<ImportLease?> TryAcquireAsync(string ownerId, string importId, CancellationToken cancellationToken)
    {
        var row = Row(ownerId, importId);
        try
        {
            return Taken(new ImportLease(this, ownerId, importId, await table.InsertAsync(row, cancellationToken).ConfigureAwait(false)));
        }
        catch (StorageConcurrencyException e) when (e.Status == 409)
        {
            // Held, or left behind: taken over below when it has run out.
        }

        var held = await table.GetAsync(Partition, ownerId, cancellationToken).ConfigureAwait(false);
        if (held is null || held.GetDateTimeOffset(HeldUntilProperty) > time.GetUtcNow())
        {
            return null; // released a moment ago (the next try inserts), or held
        }

        try
        {
            return Taken(new ImportLease(this, ownerId, importId, await table.UpdateAsync(row, held.ETag, cancellationToken: cancellationToken).ConfigureAwait(false)));
        }
        catch (StorageRequestException e) when (e.Status is 404 or 409 or 412)
        {
            return null; // another taker was first, or the holder let go meanwhile (the next try inserts)
        }
    }

    /// <summary>Who holds the owner's lease and until when, as stored (it may have run out), or null when nobody does.</summary>
    public async Task<ImportLeaseHolder?> FindHolderAsync(string ownerId, CancellationToken cancellationToken)
    {
        var row = await table.GetAsync(Partition, ownerId, cancellationToken).ConfigureAwait(false);
        return row?.GetString(ImportIdProperty) is { } holderId && row.GetDateTimeOffset(HeldUntilProperty) is { } heldUntil
            ? new ImportLeaseHolder(holderId, heldUntil)
            : null;
    }

    /// <summary>Extends the lease; false when it was lost (it ran out and another import took it).</summary>
    internal async Task<(bool Held, ETag ETag)> RenewAsync(string ownerId, string importId, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            return (true, await table.UpdateAsync(Row(ownerId, importId), etag, cancellationToken: cancellationToken).ConfigureAwait(false));
        }
        catch (StorageRequestException e) when (e.Status is 404 or 409 or 412)
        {
            return (false, etag);
        }
    }

    /// <summary>
    /// Frees the owner, unless the lease was lost meanwhile (then it is the new holder's). Storage failing here is not the
    /// holder's failure: the lease runs out by itself within <see cref="Duration"/>, while an import that had completed and
    /// was reported failed for it would tell its owner that what was stored was not.
    /// </summary>
    internal async Task ReleaseAsync(string ownerId, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteAsync(Partition, ownerId, etag, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConcurrencyException e) when (e.Status is 409 or 412)
        {
            // Lost to another import; it is theirs to free.
        }
        catch (StorageRequestException)
        {
            // Left to run out (see above).
        }
    }

    internal TimeProvider Time => time;

    /// <summary>
    /// The lease <paramref name="holderId"/> took on <paramref name="ownerId"/> in this process and has not let go of yet
    /// (held, or lost since), or null: what <see cref="LeaseGuardedSink"/> checks before each write of an import's contacts.
    /// </summary>
    public ImportLease? TakenHere(string ownerId, string holderId) => _taken.GetValueOrDefault((ownerId, holderId));

    /// <summary>Forgets <paramref name="lease"/> once its holder lets go of it (<see cref="ImportLease.DisposeAsync"/>).</summary>
    internal void LetGo(ImportLease lease) => _taken.TryRemove(KeyValuePair.Create((lease.OwnerId, lease.HolderId), lease));

    private ImportLease Taken(ImportLease lease)
    {
        _taken[(lease.OwnerId, lease.HolderId)] = lease;
        return lease;
    }

    private TableEntity Row(string ownerId, string importId) => new(Partition, ownerId)
    {
        [ImportIdProperty] = importId,
        [HeldUntilProperty] = time.GetUtcNow() + Duration,
    };
}

/// <summary>The holder of an owner's import lease (<see cref="ImportLeases"/>): an import id, or an erasure's, and until when it holds unless renewed.</summary>
internal sealed record ImportLeaseHolder(string HolderId, DateTimeOffset HeldUntil);
