namespace Outreach.Core.Scoring;

/// <summary>
/// Prior correction for a model trained at one reply rate and deployed at another:
/// logit p′ = logit p + logit(<see cref="DeploymentRate"/>) − logit(<see cref="TrainingRate"/>).
/// </summary>
/// <param name="TrainingRate">The reply rate of the training rows.</param>
/// <param name="DeploymentRate">The rate the model is corrected to.</param>
/// <param name="LogitShift">The resulting shift added to every log-odds.</param>
public sealed record BaseRateCorrection(double TrainingRate, double DeploymentRate, double LogitShift);
