using Outreach.Core.Scoring.Training;

namespace Outreach.Core.Scoring.Synthetic;

/// <summary>
/// The cold-start model: trained on a synthetic history built from literature effects, and labelled
/// <c>"origin": "synthetic-prior"</c> in its artifact so nobody mistakes it for a model of real outcomes.
/// </summary>
public static class SyntheticPriorModel
{
    /// <summary>Generates <paramref name="rows"/> synthetic rows with <paramref name="seed"/> and trains on them.</summary>
    public static TrainingResult Train(int rows, int seed, TimeProvider timeProvider, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var history = SyntheticHistoryGenerator.Generate(new SyntheticHistoryOptions { Rows = rows, Seed = seed }, cancellationToken);
        var options = new TrainingOptions { Origin = ModelOrigin.SyntheticPrior, TimeProvider = timeProvider };
        return ModelTrainer.Train(history.Rows, options, progress, cancellationToken);
    }
}
