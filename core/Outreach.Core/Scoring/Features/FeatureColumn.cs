namespace Outreach.Core.Scoring.Features;

/// <summary>One encoded column and its standardisation (value − <see cref="Mean"/>) / <see cref="Scale"/>.</summary>
/// <param name="Name">A stable column name, e.g. <c>relationship=cold</c> or <c>log1p_days_since_met</c>.</param>
/// <param name="Group">The <see cref="FeatureGroups"/> group it belongs to.</param>
/// <param name="Encoding">How the raw value is derived.</param>
/// <param name="Mean">The training mean of the raw value.</param>
/// <param name="Scale">The training standard deviation (1 when the column was constant).</param>
public sealed record FeatureColumn(string Name, string Group, FeatureEncoding Encoding, double Mean, double Scale);
