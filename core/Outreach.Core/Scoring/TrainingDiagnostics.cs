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
public sealed record TrainingDiagnostics(
    bool Converged,
    int Evaluations,
    double GradientNorm,
    double L2,
    int TrainingRows,
    int CalibrationRows,
    int HoldOutRows,
    DateTimeOffset? FittedThrough = null,
    int? HoldOutOwners = null);
