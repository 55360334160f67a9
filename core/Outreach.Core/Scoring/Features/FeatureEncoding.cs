namespace Outreach.Core.Scoring.Features;

/// <summary>How an encoded column was derived (recorded in the artifact so a reader can tell what a weight means).</summary>
public enum FeatureEncoding
{
    /// <summary>1 when the row is in this level or bin, else 0.</summary>
    OneHot,

    /// <summary>A numeric value (after the documented transform, e.g. log1p).</summary>
    Numeric,

    /// <summary>1 when the value was missing and imputed, else 0.</summary>
    MissingIndicator,
}
