using System.ComponentModel.DataAnnotations;

namespace Outreach.Functions.Security;

/// <summary>The <c>Accounts</c> configuration section.</summary>
internal sealed class AccountsOptions
{
    public const string SectionName = "Accounts";

    /// <summary>
    /// How long a verified key's record is reused without reading storage again. A key revoked on another instance
    /// stops working within this time (on the instance that revoked it, at once). Zero turns the cache off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
