using System.ComponentModel.DataAnnotations;

namespace Outreach.Functions.Imports;

/// <summary>The <c>Imports</c> configuration section: which uploads are imported during the request and which are queued.</summary>
internal sealed class ImportsOptions
{
    public const string SectionName = "Imports";

    /// <summary>
    /// Uploads up to this many bytes are imported while the caller waits (200 with the report); larger ones are stored
    /// and queued for the <c>ImportContacts</c> function (202). 1 MiB by default, a few thousand rows.
    /// </summary>
    [Range(0, 1L << 31)]
    public long SyncMaxBytes { get; set; } = 1024 * 1024;
}
