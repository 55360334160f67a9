using Outreach.Core;

namespace Outreach.Functions.Imports;

/// <summary>
/// One run of an import (a delivery of its queue message, or the import of a small file while its caller waits) as the
/// writer of its record. The record is the run's while it still says what the run started it as: running, with the same
/// retries and deliveries (<see cref="Owns"/>). Every write changes the record as stored only while it is still the
/// run's, over the version it knows: a run that a stall verdict (<see cref="StoppedImports"/>), the owner's retry or
/// a later delivery took the record from never writes over what they saved (a stopped import flipping back to running, a
/// completed one re-marked, a retry undone), and stops with a <see cref="DomainException"/> <see cref="SupersededCode"/>.
/// A write that lost to someone who left the record the run's (an erasure redacting it) is made again over what they saved.
/// The run keeps the version its last write left (the ETags storage answered with), so a write while nobody else has saved
/// the record goes straight over it, without reading it first (a queued import writes its progress often); only a write
/// that loses (412: someone else saved it) reads the record, to decide again as above.
/// </summary>
internal sealed class ImportRun
{
    /// <summary>The code of the refusal that stops a run whose record is no longer its own.</summary>
    public const string SupersededCode = "import.superseded";

    /// <summary>How many times a write that lost to another writer is tried again over what they saved.</summary>
    private const int MaxWrites = 5;

    private readonly ImportRecordStore _records;

    /// <summary>The record as this run last wrote it and the versions that write left, or null when it must be read first.</summary>
    private (ImportRecord Record, ImportRecordVersion Version)? _written;

    /// <summary>The run's record, as it started it.</summary>
    /// <param name="records">Where the record is stored.</param>
    /// <param name="started">The record as the run started it (running).</param>
    /// <param name="mayCreate">
    /// Whether the run writes the record first (a file imported while its caller waits, whose record nobody else knows of
    /// before then); a queued import's record is written by the delivery that claims it before the run starts.
    /// </param>
    /// <param name="version">
    /// The versions the write of <paramref name="started"/> left (the delivery's claim), so the run's first write needs no
    /// read; null when not known.
    /// </param>
    public ImportRun(ImportRecordStore records, ImportRecord started, bool mayCreate, ImportRecordVersion? version = null)
    {
        ArgumentNullException.ThrowIfNull(started);
        _records = records;
        Started = started;
        MayCreate = mayCreate;
        _written = version is null ? null : (started, version);
    }

    /// <summary>The record as the run started it.</summary>
    public ImportRecord Started { get; }

    private bool MayCreate { get; set; }

    /// <summary>Whether <paramref name="stored"/> is still the record of the run that started it as <paramref name="started"/>.</summary>
    public static bool Owns(ImportRecord stored, ImportRecord started)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(started);
        return stored.Status == ImportStatus.Running && stored.Retries == started.Retries && stored.Deliveries == started.Deliveries;
    }

    /// <summary>
    /// Writes <paramref name="change"/> of the record as stored, if it is still the run's, and returns what was written;
    /// a <see cref="DomainException"/> <see cref="SupersededCode"/> when it is not, and nothing is written.
    /// </summary>
    public async Task<ImportRecord> SaveAsync(Func<ImportRecord, ImportRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var write = 1; ; write++)
        {
            ImportRecord current;
            ImportRecordVersion version;
            if (_written is { } written)
            {
                // As this run last wrote it, and so still its own unless someone has saved it since, which the write tells,
                // or the run's own last write ended it (completed, failed): then nothing more is written, as when read.
                (current, version) = written;
                if (!Owns(current, Started))
                {
                    throw Superseded(current);
                }
            }
            else
            {
                var found = await _records.FindVersionedAsync(Started.OwnerId, Started.Id, cancellationToken).ConfigureAwait(false);
                if (found is null && MayCreate)
                {
                    var created = change(Started);
                    var createdVersion = await _records.SaveAsync(created, cancellationToken).ConfigureAwait(false);
                    MayCreate = false;
                    _written = (created, createdVersion);
                    return created;
                }

                if (found is null || !Owns(found.Record, Started))
                {
                    throw Superseded(found?.Record);
                }

                (current, version) = (found.Record, new ImportRecordVersion(found.Version, Summary: null));
            }

            // Forgotten until the write is known to have landed: one cut short may have, and the next write then reads.
            _written = null;
            var changed = change(current);
            if (await _records.ReplaceAsync(changed, version, cancellationToken).ConfigureAwait(false) is { } replaced)
            {
                MayCreate = false;
                _written = (changed, replaced);
                return changed;
            }

            if (write == MaxWrites)
            {
                throw new InvalidOperationException($"Import record {Started.Id} kept changing while its run wrote it.");
            }
        }
    }

    private static DomainException Superseded(ImportRecord? stored)
    {
        var since = stored?.Status switch
        {
            null => "its record is gone",
            ImportStatus.Failed => "it was recorded as failed meanwhile: stopped without finishing, or failed in another run",
            ImportStatus.Completed => "another run completed it meanwhile",
            var status => $"it was {status} again meanwhile: retried, or taken over by a later delivery",
        };
        return new DomainException(
            SupersededCode, $"This run of the import stopped without writing its record, since {since}; the record says what was stored.", "id");
    }
}
