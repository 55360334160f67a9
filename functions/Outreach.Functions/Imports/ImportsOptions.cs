using System.ComponentModel.DataAnnotations;

namespace Outreach.Functions.Imports;

/// <summary>The <c>Imports</c> configuration section: which uploads are imported during the request and which are queued, and how often a queued one reports progress.</summary>
internal sealed class ImportsOptions : IValidatableObject
{
    public const string SectionName = "Imports";

    /// <summary>
    /// Uploads up to this many bytes are imported while the caller waits (200 with the report); larger ones are stored
    /// and queued for the <c>ImportContacts</c> function (202). 1 MiB by default, a few thousand rows.
    /// </summary>
    [Range(0, 1L << 31)]
    public long SyncMaxBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How often a queued import writes how far it has got to its record (<c>progress</c> on <c>GET /api/imports/{id}</c>),
    /// at most: every 2 seconds by default, and only when it has moved on.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long an import, or the erasure of a contact, waits for another import of the same owner to finish (one at a
    /// time per owner, see <see cref="ImportLeases"/>) before it is refused with <c>import.owner-busy</c>: 409 for an
    /// upload or an erasure, another delivery later for a queued import. A minute by default, about what a large queued
    /// import takes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ConcurrentImportWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a queued or running import may show no sign of life (its lease renewed, a delivery started, progress
    /// written) before it is shown as stopped without finishing, once no delivery of its queue message can still come
    /// (<see cref="ImportStall"/>): 10 minutes by default. It must be longer than a delivery can wait for the owner
    /// (<see cref="ConcurrentImportWait"/>) plus a lease (<see cref="ImportLeases.Duration"/>) twice over, and than
    /// <see cref="ProgressInterval"/> plus two leases, so a live import is never taken for a dead one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:02:00", "1.00:00:00")]
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StalledAfter <= ConcurrentImportWait + (2 * ImportLeases.Duration))
        {
            yield return new ValidationResult(
                $"Imports:StalledAfter ({StalledAfter}) must be longer than Imports:ConcurrentImportWait ({ConcurrentImportWait}) plus two minutes, " +
                "or an import waiting for the owner's previous one would be shown as stopped.",
                [nameof(StalledAfter)]);
        }

        // A run that lost the owner's lease (another took it after a stall of a minute) shows it is alive only by writing its
        // progress: judged stopped between two writes, it would stop at the next one (ImportRun) while still importing.
        if (StalledAfter <= ProgressInterval + (2 * ImportLeases.Duration))
        {
            yield return new ValidationResult(
                $"Imports:StalledAfter ({StalledAfter}) must be longer than Imports:ProgressInterval ({ProgressInterval}) plus two minutes, " +
                "or an import still writing its progress could be shown as stopped.",
                [nameof(StalledAfter)]);
        }
    }
}
