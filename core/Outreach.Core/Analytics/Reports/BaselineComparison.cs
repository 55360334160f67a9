using System.Text.Json.Serialization;

namespace Outreach.Core.Analytics.Reports;

/// <summary>
/// Whether a rate's counts show it above or below the one-in-20 baseline (the exact binomial test against 5 %, two-sided
/// at 95 %). A rate from a handful of contacts (1 reply in 3 sends is "33 %", "6.7×") is not evidence of anything.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<BaselineComparison>))]
public enum BaselineComparison
{
    /// <summary>Too few contacts (or a rate too close to 5 %) to tell it apart from the baseline.</summary>
    [JsonStringEnumMemberName("too-few-to-tell")]
    TooFewToTell,

    /// <summary>Clearly above 5 %: so many successes would happen less than one time in 40 at 5 %.</summary>
    [JsonStringEnumMemberName("above")]
    Above,

    /// <summary>Clearly below 5 %: so few successes would happen less than one time in 40 at 5 %.</summary>
    [JsonStringEnumMemberName("below")]
    Below,
}
