namespace Outreach.Core.Scoring.Evaluation;

/// <summary>How the top-ranked share of outreaches did against the 5 % baseline.</summary>
/// <param name="Fraction">The share taken from the top of the ranking (0.1 = top 10 %).</param>
/// <param name="Count">Outreaches in that share.</param>
/// <param name="Replies">
/// Replies among them. When the cut falls inside a run of tied scores, that run's replies count pro rata (the expected
/// replies of a random pick among the ties), so the figure can be fractional and row order never adds lift.
/// </param>
/// <param name="ReplyRate">Replies / Count.</param>
/// <param name="Lift">ReplyRate / 0.05.</param>
/// <param name="LiftLower">Lower Wilson 95 % bound of the rate, divided by 0.05.</param>
/// <param name="LiftUpper">Upper Wilson 95 % bound of the rate, divided by 0.05.</param>
public sealed record LiftAtFraction(double Fraction, int Count, double Replies, double ReplyRate, double Lift, double LiftLower, double LiftUpper);
