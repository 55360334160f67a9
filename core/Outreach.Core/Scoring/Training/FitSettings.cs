namespace Outreach.Core.Scoring.Training;

/// <summary>When an L-BFGS fit counts as converged, and how long it may try.</summary>
/// <param name="GradientTolerance">Largest gradient 2-norm of the mean loss that counts as converged.</param>
/// <param name="MaxEvaluations">Objective evaluations allowed (our cap; MathNet's own never fires).</param>
internal sealed record FitSettings(double GradientTolerance, int MaxEvaluations);
