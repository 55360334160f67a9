namespace Outreach.Core.Scoring.Training;

/// <summary>The steps of a training run, in order.</summary>
public enum TrainingStage
{
    /// <summary>Splitting and encoding rows.</summary>
    Encoding,

    /// <summary>Fitting the weights with L-BFGS.</summary>
    Fitting,

    /// <summary>Fitting Platt scaling on the calibration rows.</summary>
    Calibrating,

    /// <summary>Computing hold-out metrics and the deployment decision.</summary>
    Evaluating,

    /// <summary>Finished.</summary>
    Done,
}
