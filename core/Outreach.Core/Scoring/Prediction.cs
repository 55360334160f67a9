namespace Outreach.Core.Scoring;

/// <summary>A predicted reply probability and the contributions that explain it, largest first.</summary>
/// <param name="Probability">The calibrated probability of a reply.</param>
/// <param name="Contributions">The largest contributions by magnitude, positive and negative.</param>
public sealed record Prediction(double Probability, IReadOnlyList<Contribution> Contributions);
