using Outreach.Core.Scoring.Evaluation;

namespace Outreach.Core.Scoring.Training;

/// <summary>A trained model, its hold-out metrics and the deployment decision.</summary>
/// <param name="Model">The new model (with its metrics in the artifact), deployable or not.</param>
/// <param name="Metrics">Hold-out metrics of the new model.</param>
/// <param name="Comparison">Both models on the hold-out rows the deployed model never saw, when one was given.</param>
/// <param name="Decision">Whether to deploy it.</param>
public sealed record TrainingResult(ResponseModel Model, ModelMetrics Metrics, IncumbentComparison? Comparison, DeploymentDecision Decision)
{
    /// <summary>The deployed model's metrics on the hold-out rows it never saw, when there were any.</summary>
    public ModelMetrics? CurrentModelMetrics => Comparison?.Deployed;

    /// <summary>Whether the new model may replace the deployed one.</summary>
    public bool Deployable => Decision.Deployable;

    /// <summary>Why (not).</summary>
    public string Reason => Decision.Reason;
}
