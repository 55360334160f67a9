namespace Outreach.Core.Scoring;

/// <summary>How the fit went, kept in the artifact for the model report.</summary>
/// <param name="Converged">Whether the gradient norm reached the tolerance within the evaluation budget.</param>
/// <param name="Evaluations">Objective evaluations used by L-BFGS.</param>
/// <param name="GradientNorm">Gradient 2-norm of the mean penalised loss at the solution.</param>
/// <param name="L2">The L2 strength λ in (Σ loss + ½λ‖w‖²)/n.</param>
/// <param name="TrainingRows">Rows the weights were fitted on.</param>
/// <param name="CalibrationRows">Rows Platt scaling was fitted on.</param>
/// <param name="HoldOutRows">Rows the metrics were computed on: the latest sends of the history.</param>
/// <param name="FittedThrough">
/// The latest send among the rows the weights and calibration were fitted on; every row sent after it is one the model
/// never learnt from. Null in artifacts written before the history was split by time.
/// </param>
/// <param name="HoldOutOwners">
/// How many owners' sends the hold-out holds: its figures are pooled over that many owners. Null in artifacts written
/// before it was recorded.
/// </param>
/// <param name="HoldOutDominance">
/// How much one owner dominates the hold-out: the largest owner's share of its rows once the second-largest owner's rows
/// are taken out (1 with a single owner). That second owner, subtracting their own figures from the pooled ones, reads
/// the rest, and this much of the rest is the largest owner's. Null in artifacts written before it was recorded.
/// </param>
public sealed record TrainingDiagnostics(
    bool Converged,
    int Evaluations,
    double GradientNorm,
    double L2,
    int TrainingRows,
    int CalibrationRows,
    int HoldOutRows,
    DateTimeOffset? FittedThrough = null,
    int? HoldOutOwners = null,
    double? HoldOutDominance = null)
{
    /// <summary>The <see cref="HoldOutDominance"/> of rows sent by the given owners (one entry per row).</summary>
    public static double DominanceOf(IEnumerable<string> ownerOfEachRow)
    {
        ArgumentNullException.ThrowIfNull(ownerOfEachRow);
        var counts = ownerOfEachRow.CountBy(owner => owner, StringComparer.Ordinal).Select(c => c.Value).OrderDescending().ToList();
        if (counts.Count < 2)
        {
            return 1;
        }

        var rest = counts.Sum() - counts[1];
        return (double)counts[0] / rest;
    }
}
