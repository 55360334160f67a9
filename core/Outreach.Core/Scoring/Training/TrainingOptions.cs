namespace Outreach.Core.Scoring.Training;

/// <summary>How <see cref="ModelTrainer"/> splits, fits, calibrates and judges a model. Defaults are documented per property.</summary>
public sealed record TrainingOptions
{
    /// <summary>L2 strength λ in (Σ loss + ½λ‖w‖²)/n, bias unpenalised; 1 matches ML.NET's LbfgsLogisticRegression default.</summary>
    public double L2 { get; init; } = 1.0;

    /// <summary>Share of rows, the latest sends, held out for the metrics and the deployment decision. Default 0.2.</summary>
    public double HoldOutFraction { get; init; } = 0.2;

    /// <summary>Share of rows, the latest before the hold-out, used to fit Platt scaling; 0 skips calibration. Default 0.1.</summary>
    public double CalibrationFraction { get; init; } = 0.1;

    /// <summary>
    /// When set, the model's log-odds are shifted from the training reply rate to this rate (prior correction),
    /// for training rows sampled at another rate than the one the model is deployed at. Default: no correction.
    /// </summary>
    public double? DeploymentBaseRate { get; init; }

    /// <summary>Extra numeric columns of the rows to use as features (e.g. <c>noise_1</c>). Default none.</summary>
    public IReadOnlyList<string> ExtraColumns { get; init; } = [];

    /// <summary>Largest gradient 2-norm of the mean loss that counts as converged. Default 1e-5.</summary>
    public double GradientTolerance { get; init; } = 1e-5;

    /// <summary>Objective evaluations L-BFGS may use before the fit is reported as not converged. Default 2000.</summary>
    public int MaxEvaluations { get; init; } = 2000;

    /// <summary>The <c>origin</c> written into the artifact (<see cref="ModelOrigin"/>).</summary>
    public string Origin { get; init; } = ModelOrigin.History;

    /// <summary>
    /// The deployed model, if any: the new one must not be worse on the hold-out rows sent after the deployed model's
    /// <see cref="ResponseModel.TrainingWindow"/> (rows it never saw) to be deployable.
    /// </summary>
    public ResponseModel? CurrentModel { get; init; }

    /// <summary>The rules a new model must pass to be deployed.</summary>
    public DeploymentGate Gate { get; init; } = new();

    /// <summary>The clock that stamps <c>createdAt</c>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Fewest replies (and non-replies) a history must have to be trained on. Default 20.</summary>
    public int MinimumPerClass { get; init; } = 20;
}
