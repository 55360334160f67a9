using Outreach.Core.Scoring.Evaluation;
using Outreach.Core.Scoring.Features;

namespace Outreach.Core.Scoring;

/// <summary>
/// Everything a <see cref="ResponseModel"/> is made of, in the shape of its versioned JSON artifact.
/// Weights are on the standardised scale of <see cref="Features"/>.
/// </summary>
internal sealed record ModelArtifact
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string ModelId { get; init; }

    public int ModelVersion { get; init; } = 1;

    public DateTimeOffset CreatedAt { get; init; }

    public required string Origin { get; init; }

    public required FeatureSchema Features { get; init; }

    public required IReadOnlyList<double> Weights { get; init; }

    public double Bias { get; init; }

    public PlattCalibration Calibration { get; init; } = PlattCalibration.Identity;

    public BaseRateCorrection? BaseRateCorrection { get; init; }

    public ModelMetrics? Metrics { get; init; }

    public required TrainingWindow TrainingWindow { get; init; }

    public int RowCount { get; init; }

    public required TrainingDiagnostics Training { get; init; }
}
