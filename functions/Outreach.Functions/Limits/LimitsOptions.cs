using System.ComponentModel.DataAnnotations;

namespace Outreach.Functions.Limits;

/// <summary>
/// The <c>Limits</c> configuration section: what one request, import or template may weigh, and how often a key may
/// call. Validated at start-up; features read it (imports: rows and field length; templates: template bytes).
/// </summary>
internal sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>The largest body an upload endpoint (marked <c>.AllowsUpload()</c>) accepts: 20 MB by default.</summary>
    [Range(1024, 1L << 31)]
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>The largest body any other endpoint accepts: 1 MB by default.</summary>
    [Range(1024, 1L << 31)]
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The most rows one import reads; past it the import stops, keeps what it read and names the first line it did not
    /// read. 50,000 by default: LinkedIn caps connections at 30,000, so a whole export always fits.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxRowsPerImport { get; set; } = 50_000;

    /// <summary>
    /// The longest value any one imported field may have, in characters (4,000 by default, the length notes may have);
    /// it can only lower the import's own per-field limits (names 256, emails 320).
    /// </summary>
    [Range(16, 1_000_000)]
    public int MaxFieldLength { get; set; } = 4_000;

    /// <summary>
    /// The most stored contacts an import into a known owner reads at once and holds in memory instead of looking its
    /// rows up in storage (20,000 by default; 0 always looks rows up). The table store also stops at 32 Mi characters
    /// of their text, so long notes cannot make the copy large. Re-importing a LinkedIn export then costs a few
    /// requests instead of about three a row.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxContactsReadAtOnce { get; set; } = 20_000;

    /// <summary>The largest template source, in UTF-8 bytes.</summary>
    [Range(256, 10 * 1024 * 1024)]
    public int MaxTemplateBytes { get; set; } = 64 * 1024;

    /// <summary>Requests per minute allowed per API key (per client address for anonymous calls).</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>
    /// Requests per minute allowed to a webhook's verified calls, all senders together (<see cref="WebhookAllowance"/>):
    /// 1,200 by default, one a reply or bounce, so a bounce storm after a large campaign is taken as it comes.
    /// </summary>
    [Range(1, 100_000)]
    public int WebhookRequestsPerMinute { get; set; } = 1_200;

    /// <summary>
    /// How many proxies in front of the handler append the caller's address to <c>X-Forwarded-For</c>: 1 in Azure (App
    /// Service's front end; the Functions host passes the header on and connects from 127.0.0.1 itself), 0 (the default)
    /// where callers reach the handler directly. The client address anonymous calls are limited by is the entry that many
    /// from the right; entries further left are the caller's own word and are ignored. Without it every anonymous caller
    /// behind the host shares one allowance, and one visitor can spend it for all.
    /// </summary>
    [Range(0, 10)]
    public int ForwardedHops { get; set; }
}
