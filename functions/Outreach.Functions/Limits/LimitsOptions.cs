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

    /// <summary>The most rows one import may hold.</summary>
    [Range(1, 1_000_000)]
    public int MaxRowsPerImport { get; set; } = 10_000;

    /// <summary>The longest value any one imported or submitted field may have, in characters.</summary>
    [Range(16, 1_000_000)]
    public int MaxFieldLength { get; set; } = 2_000;

    /// <summary>The largest template source, in UTF-8 bytes.</summary>
    [Range(256, 10 * 1024 * 1024)]
    public int MaxTemplateBytes { get; set; } = 64 * 1024;

    /// <summary>Requests per minute allowed per API key (per client address for anonymous calls).</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 120;
}
