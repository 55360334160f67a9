namespace Outreach.Core.Analytics.Counters;

/// <summary>Normalises dimension values so that "no event" is a group of its own and totals add up.</summary>
public static class DimensionValue
{
    /// <summary>The value of a dimension that is not set (no cohort, no campaign, unknown event).</summary>
    public const string None = "(none)";

    /// <summary>The trimmed value, or <see cref="None"/> when it is null or blank.</summary>
    public static string Of(string? value) => string.IsNullOrWhiteSpace(value) ? None : value.Trim();
}
