namespace Outreach.Core.Scoring.Evaluation;

/// <summary>One equal-count bin of a reliability table: what the model predicted on average and what happened.</summary>
/// <param name="MeanPredicted">Mean predicted probability in the bin.</param>
/// <param name="ObservedRate">Share of the bin's outreaches that got a reply.</param>
/// <param name="Count">Outreaches in the bin.</param>
public sealed record ReliabilityBin(double MeanPredicted, double ObservedRate, int Count);
