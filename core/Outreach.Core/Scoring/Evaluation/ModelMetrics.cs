namespace Outreach.Core.Scoring.Evaluation;

/// <summary>
/// Hold-out metrics of a response model. Names and units follow ML.NET's <c>CalibratedBinaryClassificationMetrics</c>
/// (LogLoss and Entropy in bits; LogLossReduction as a fraction against the test prevalence), plus the fixed-baseline
/// figures Outreach reports: log-loss and Brier skill against a constant 5 % prediction, lift at the top 10 % and
/// 20 %, and calibration.
/// </summary>
public sealed record ModelMetrics
{
    /// <summary>Rows evaluated.</summary>
    public int Count { get; init; }

    /// <summary>Rows with a reply.</summary>
    public int Positives { get; init; }

    /// <summary>Positives / Count.</summary>
    public double Prevalence { get; init; }

    /// <summary>AUC (exact, mid-ranks for ties).</summary>
    public double AreaUnderRocCurve { get; init; }

    /// <summary>Hanley–McNeil standard error of the AUC.</summary>
    public double AreaUnderRocCurveStandardError { get; init; }

    /// <summary>Average precision; a random ranking scores about the prevalence.</summary>
    public double AreaUnderPrecisionRecallCurve { get; init; }

    /// <summary>Mean −log₂ p(true class), in bits (ML.NET's unit).</summary>
    public double LogLoss { get; init; }

    /// <summary>The same log-loss in nats.</summary>
    public double LogLossNats { get; init; }

    /// <summary>Binary entropy of the test prevalence, in bits.</summary>
    public double Entropy { get; init; }

    /// <summary>(Entropy − LogLoss) / Entropy: improvement over predicting the test prevalence (ML.NET definition).</summary>
    public double LogLossReduction { get; init; }

    /// <summary>Log-loss of a constant 5 % prediction on the same rows, in bits.</summary>
    public double BaselineLogLoss { get; init; }

    /// <summary>1 − LogLoss / BaselineLogLoss: relative information gain over the fixed 5 % baseline (RIG₅).</summary>
    public double LogLossReductionVsBaseline { get; init; }

    /// <summary>Mean squared error of the probabilities.</summary>
    public double BrierScore { get; init; }

    /// <summary>Brier score of a constant 5 % prediction.</summary>
    public double BaselineBrierScore { get; init; }

    /// <summary>1 − Brier / BaselineBrier.</summary>
    public double BrierSkillScore { get; init; }

    /// <summary>The top 10 % of the ranking against 5 %.</summary>
    public LiftAtFraction LiftAt10 { get; init; } = new(0.1, 0, 0, 0, 0, 0, 0);

    /// <summary>The top 20 % of the ranking against 5 %.</summary>
    public LiftAtFraction LiftAt20 { get; init; } = new(0.2, 0, 0, 0, 0, 0, 0);

    /// <summary>Ten equal-count bins ordered by predicted probability.</summary>
    public IReadOnlyList<ReliabilityBin> Reliability { get; init; } = [];

    /// <summary>Count-weighted mean |predicted − observed| over the reliability bins.</summary>
    public double ExpectedCalibrationError { get; init; }

    /// <summary>Mean predicted probability (calibration-in-the-large compares it with <see cref="Prevalence"/>).</summary>
    public double MeanPredicted { get; init; }

    /// <summary>MeanPredicted − Prevalence; 0 is ideal.</summary>
    public double CalibrationInTheLarge { get; init; }

    /// <summary>Slope of y regressed on logit(p̂) by logistic regression; 1 is ideal, below 1 means overconfident.</summary>
    public double CalibrationSlope { get; init; }

    /// <summary>Intercept of that regression; 0 is ideal.</summary>
    public double CalibrationIntercept { get; init; }
}
