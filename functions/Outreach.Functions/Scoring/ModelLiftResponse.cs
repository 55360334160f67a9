using Outreach.Core.Scoring.Evaluation;

namespace Outreach.Functions.Scoring;

/// <summary>
/// A lift figure of <c>GET /api/model</c>: the ratio to the 5 % baseline with its Wilson interval, and the counts
/// behind it only for callers who may see them (<see cref="ModelSummaryResponse"/>).
/// </summary>
internal sealed record ModelLiftResponse(double Fraction, double Lift, double LiftLower, double LiftUpper, int? Count, double? Replies)
{
    public static ModelLiftResponse Of(LiftAtFraction lift, bool showCounts) => new(
        lift.Fraction,
        lift.Lift,
        lift.LiftLower,
        lift.LiftUpper,
        showCounts ? lift.Count : null,
        showCounts ? lift.Replies : null);
}
