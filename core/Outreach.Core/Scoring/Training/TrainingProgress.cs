namespace Outreach.Core.Scoring.Training;

/// <summary>A progress report of a training run.</summary>
/// <param name="Stage">What the trainer is doing.</param>
/// <param name="Evaluations">Objective evaluations so far (fitting stage).</param>
/// <param name="Loss">Current mean penalised loss (fitting stage).</param>
/// <param name="GradientNorm">Current gradient norm (fitting stage); training converges when it falls below the tolerance.</param>
public sealed record TrainingProgress(TrainingStage Stage, int Evaluations = 0, double Loss = double.NaN, double GradientNorm = double.NaN);
