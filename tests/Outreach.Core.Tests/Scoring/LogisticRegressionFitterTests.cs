using Outreach.Core.Scoring.Training;

namespace Outreach.Core.Tests.Scoring;

public sealed class LogisticRegressionFitterTests
{
    private static readonly double[] TrueWeights = [0.8, -0.5, 0.3];
    private const double TrueBias = -3.0;

    [Fact]
    public void Recovers_the_weights_of_a_known_logistic_model()
    {
        var (x, y) = Sample(60_000, seed: 4);

        var fit = LogisticRegressionFitter.Fit(x, y.Length, TrueWeights.Length, y, l2: 1e-3, new FitSettings(1e-6, 1000), null, CancellationToken.None);

        Assert.True(fit.Converged);
        Assert.True(fit.GradientNorm <= 1e-6);
        // Standard errors at n = 60k and a ~6 % rate are about 0.02-0.03; allow three of them.
        for (var j = 0; j < TrueWeights.Length; j++)
        {
            Assert.InRange(fit.Weights[j], TrueWeights[j] - 0.08, TrueWeights[j] + 0.08);
        }

        Assert.InRange(fit.Bias, TrueBias - 0.08, TrueBias + 0.08);
    }

    [Fact]
    public void Reports_non_convergence_when_its_own_evaluation_budget_runs_out()
    {
        var (x, y) = Sample(5_000, seed: 5);

        var fit = LogisticRegressionFitter.Fit(x, y.Length, TrueWeights.Length, y, l2: 1e-3, new FitSettings(1e-9, 3), null, CancellationToken.None);

        Assert.False(fit.Converged);
        Assert.Equal(3, fit.Evaluations);
        Assert.True(fit.GradientNorm > 1e-9);
    }

    [Fact]
    public void Reports_every_evaluation_with_its_gradient_norm()
    {
        var (x, y) = Sample(2_000, seed: 6);
        var norms = new List<double>();

        var fit = LogisticRegressionFitter.Fit(x, y.Length, TrueWeights.Length, y, 1e-3, new FitSettings(1e-6, 1000), (_, _, norm) => norms.Add(norm), CancellationToken.None);

        Assert.Equal(fit.Evaluations, norms.Count);
        Assert.True(norms[^1] < norms[0]);
    }

    private static (double[] X, double[] Y) Sample(int n, int seed)
    {
        var random = new Random(seed);
        var d = TrueWeights.Length;
        var x = new double[n * d];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var z = TrueBias;
            for (var j = 0; j < d; j++)
            {
                var v = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                x[(i * d) + j] = v;
                z += TrueWeights[j] * v;
            }

            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
        }

        return (x, y);
    }
}
