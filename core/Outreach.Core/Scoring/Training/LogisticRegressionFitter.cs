using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Outreach.Core.Scoring.Training;

/// <summary>
/// L2-regularised logistic regression by MathNet's L-BFGS: minimises
/// (Σ loss(yᵢ, b + xᵢ·w) + ½·λ·‖w‖²) / n with the bias unpenalised (ML.NET's LbfgsLogisticRegression scaling),
/// on soft or hard targets in [0, 1].
/// </summary>
/// <remarks>
/// MathNet 5.0.0's <see cref="LimitedMemoryBfgsMinimizer"/> always reports <c>AbsoluteGradient</c> and its
/// iteration cap never fires, so this class counts objective evaluations itself, stops at its own budget (keeping
/// the best point seen), and decides convergence from the gradient norm it computes at the returned point.
/// </remarks>
internal static class LogisticRegressionFitter
{
    public static LogisticFit Fit(
        double[] x,
        int rows,
        int columns,
        ReadOnlySpan<double> targets,
        double l2,
        FitSettings settings,
        Action<int, double, double>? onEvaluation,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(l2);
        var y = targets.ToArray();
        var evaluations = 0;
        var bestValue = double.PositiveInfinity;
        var best = new double[columns + 1];
        var gradient = new double[columns + 1];

        (double, Vector<double>) Evaluate(Vector<double> point)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (evaluations >= settings.MaxEvaluations)
            {
                throw new EvaluationBudgetExhaustedException();
            }

            evaluations++;
            var parameters = point.AsArray() ?? point.ToArray();
            var value = ValueAndGradient(x, rows, columns, y, l2, parameters, gradient);
            if (value < bestValue)
            {
                bestValue = value;
                Array.Copy(parameters, best, best.Length);
            }

            onEvaluation?.Invoke(evaluations, value, Norm(gradient));
            return (value, Vector<double>.Build.DenseOfArray((double[])gradient.Clone()));
        }

        var minimizer = new LimitedMemoryBfgsMinimizer(
            settings.GradientTolerance / 10, parameterTolerance: 1e-12, functionProgressTolerance: 1e-14, memory: 10, maximumIterations: settings.MaxEvaluations);
        try
        {
            var result = minimizer.FindMinimum(ObjectiveFunction.Gradient(Evaluate), Vector<double>.Build.Dense(columns + 1));
            var solution = result.MinimizingPoint.ToArray();
            if (ValueAt(x, rows, columns, y, l2, solution) <= bestValue)
            {
                best = solution;
            }
        }
        catch (EvaluationBudgetExhaustedException)
        {
            // Our own cap: keep the best point seen; the gradient check below reports non-convergence.
        }
        catch (InnerOptimizationException)
        {
            // The line search could not improve further (typically at the optimum within rounding); judge by the gradient.
        }

        var loss = ValueAndGradient(x, rows, columns, y, l2, best, gradient);
        var norm = Norm(gradient);
        return new LogisticFit(best[1..], best[0], loss, norm, evaluations, norm <= settings.GradientTolerance);
    }

    private static double ValueAt(double[] x, int rows, int columns, double[] y, double l2, double[] parameters) =>
        ValueAndGradient(x, rows, columns, y, l2, parameters, new double[columns + 1]);

    /// <summary>Mean penalised loss and its gradient; parameters[0] is the bias.</summary>
    private static double ValueAndGradient(double[] x, int rows, int columns, double[] y, double l2, double[] parameters, double[] gradient)
    {
        var bias = parameters[0];
        var w = parameters.AsSpan(1);
        Array.Clear(gradient);
        var gw = gradient.AsSpan(1);
        double loss = 0, gb = 0;
        for (var i = 0; i < rows; i++)
        {
            var row = x.AsSpan(i * columns, columns);
            var z = bias + VectorMath.Dot(row, w);
            // log(1 + e^z) − y·z, written to stay finite for large |z|.
            loss += Math.Max(z, 0) - (y[i] * z) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
            var residual = VectorMath.Sigmoid(z) - y[i];
            gb += residual;
            VectorMath.Axpy(residual, row, gw);
        }

        var penalty = 0.0;
        for (var j = 0; j < w.Length; j++)
        {
            penalty += w[j] * w[j];
            gw[j] += l2 * w[j];
        }

        gradient[0] = gb;
        for (var j = 0; j < gradient.Length; j++)
        {
            gradient[j] /= rows;
        }

        return (loss + (0.5 * l2 * penalty)) / rows;
    }

    private static double Norm(double[] v) => Math.Sqrt(VectorMath.Dot(v, v));

    private sealed class EvaluationBudgetExhaustedException : Exception
    {
    }
}
