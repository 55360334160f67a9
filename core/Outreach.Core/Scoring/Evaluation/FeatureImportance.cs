namespace Outreach.Core.Scoring.Evaluation;

/// <summary>
/// What happens to the metrics when one feature group is shuffled across rows: an important group shows a
/// negative ΔAUC and a positive ΔLogLoss (bits).
/// </summary>
/// <param name="Group">The feature group.</param>
/// <param name="DeltaAuc">AUC change, permuted − baseline.</param>
/// <param name="DeltaLogLoss">Log-loss change in bits, permuted − baseline.</param>
public sealed record FeatureImportance(string Group, MetricStatistics DeltaAuc, MetricStatistics DeltaLogLoss);
