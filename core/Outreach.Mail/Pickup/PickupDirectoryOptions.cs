using System.ComponentModel.DataAnnotations;

namespace Outreach.Mail.Pickup;

/// <summary>Where the pickup-directory transport writes <c>.eml</c> files (section <c>Mail:Pickup</c>).</summary>
public sealed class PickupDirectoryOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Mail:Pickup";

    /// <summary>The folder; created when missing. Relative paths are resolved against the working directory.</summary>
    [Required]
    public string Directory { get; set; } = string.Empty;
}
