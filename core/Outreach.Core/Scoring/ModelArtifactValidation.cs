namespace Outreach.Core.Scoring;

/// <summary>
/// What a read artifact must hold before a model is built from it: every part present and every number finite, each
/// scale positive. JSON that has the right shape can still be damaged (a null where a list belongs, a NaN weight, a zero
/// scale, from a hand edit or a bad copy); without these checks it would fail later, outside the errors the callers
/// fall back on, or score every outreach NaN and rank the queue at random.
/// </summary>
internal static class ModelArtifactValidation
{
    /// <exception cref="DomainException"><c>model.artifact-invalid</c>, naming the first field that is missing or not a usable number.</exception>
    public static void Check(ModelArtifact artifact)
    {
        Require(!string.IsNullOrEmpty(artifact.ModelId), "modelId", "has no model id");
        Require(artifact.Origin is not null, "origin", "has no origin");
        Require(artifact.Features is not null, "features", "has no feature schema");
        Require(artifact.Features!.Columns is not null, "features.columns", "has no feature columns");
        Require(artifact.Features.ExtraColumns is not null, "features.extraColumns", "has no list of extra columns");
        Require(artifact.Weights is not null, "weights", "has no weights");
        Require(artifact.Calibration is not null, "calibration", "has no calibration");
        Require(artifact.TrainingWindow is not null, "trainingWindow", "has no training window");
        Require(artifact.Training is not null, "training", "has no training diagnostics");

        for (var j = 0; j < artifact.Features.Columns!.Count; j++)
        {
            var column = artifact.Features.Columns[j];
            Require(column is not null && column.Name is not null && column.Group is not null, $"features.columns[{j}]", "has a column without a name or group");
            Require(double.IsFinite(column!.Mean), $"features.columns[{j}].mean", "has a column mean that is not a finite number");
            Require(double.IsFinite(column.Scale) && column.Scale > 0, $"features.columns[{j}].scale", "has a column scale that is not a positive finite number");
        }

        for (var j = 0; j < artifact.Weights!.Count; j++)
        {
            Require(double.IsFinite(artifact.Weights[j]), $"weights[{j}]", "has a weight that is not a finite number");
        }

        Require(double.IsFinite(artifact.Bias), "bias", "has a bias that is not a finite number");
        Require(double.IsFinite(artifact.Calibration!.A) && double.IsFinite(artifact.Calibration.B), "calibration", "has a calibration that is not finite");
        Require(artifact.BaseRateCorrection is null || double.IsFinite(artifact.BaseRateCorrection.LogitShift), "baseRateCorrection.logitShift", "has a base-rate shift that is not a finite number");
    }

    private static void Require(bool condition, string field, string problem)
    {
        if (!condition)
        {
            throw new DomainException("model.artifact-invalid", $"The model artifact cannot be used: it {problem} ({field}).", field);
        }
    }
}
