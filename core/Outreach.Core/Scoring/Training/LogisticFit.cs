namespace Outreach.Core.Scoring.Training;

/// <summary>The outcome of one L-BFGS logistic-regression fit.</summary>
/// <param name="Weights">One weight per column.</param>
/// <param name="Bias">The intercept (not penalised).</param>
/// <param name="Loss">The penalised mean loss at the solution.</param>
/// <param name="GradientNorm">The 2-norm of the gradient at the solution, computed by us (MathNet's exit reason cannot be trusted).</param>
/// <param name="Evaluations">Objective evaluations used.</param>
/// <param name="Converged">Whether <paramref name="GradientNorm"/> reached the tolerance within the evaluation budget.</param>
internal sealed record LogisticFit(double[] Weights, double Bias, double Loss, double GradientNorm, int Evaluations, bool Converged);
