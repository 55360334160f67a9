using Outreach.Core.Scoring.Evaluation;
using Outreach.Core.Scoring.Features;
using Outreach.Core.Scoring.History;
using Outreach.Core.Scoring.Training;

namespace Outreach.Core.Scoring;

/// <summary>
/// A trained response model: predicts the probability that an outreach gets a reply, explains the prediction,
/// scores batches without allocating, and round-trips through its versioned JSON artifact.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class ResponseModel
{
    private readonly ModelArtifact _artifact;
    private readonly FeatureEncoder _encoder;
    private readonly double[] _foldedWeights;
    private readonly double _foldedBias;
    private readonly string[] _groups;
    private readonly int[] _groupOfColumn;

    internal ResponseModel(ModelArtifact artifact)
    {
        _artifact = artifact;
        _encoder = new FeatureEncoder(artifact.Features);
        var columns = artifact.Features.Columns;

        // Standardisation, Platt scaling and the base-rate shift are all affine in the log-odds, so they fold into
        // one weight vector and one bias over the raw encoded values: the batch path is a dot product and a sigmoid.
        var a = artifact.Calibration.A;
        _foldedWeights = new double[columns.Count];
        var bias = artifact.Bias;
        for (var j = 0; j < columns.Count; j++)
        {
            var w = artifact.Weights[j] / columns[j].Scale;
            _foldedWeights[j] = a * w;
            bias -= w * columns[j].Mean;
        }

        _foldedBias = (a * bias) + artifact.Calibration.B + (artifact.BaseRateCorrection?.LogitShift ?? 0);
        _groups = [.. columns.Select(c => c.Group).Distinct(StringComparer.Ordinal)];
        _groupOfColumn = [.. columns.Select(c => Array.IndexOf(_groups, c.Group))];
    }

    /// <summary>A unique id of this model.</summary>
    public string Id => _artifact.ModelId;

    /// <summary>1 for the first model, then one more than the model it replaced.</summary>
    public int Version => _artifact.ModelVersion;

    /// <summary>When it was trained.</summary>
    public DateTimeOffset CreatedAt => _artifact.CreatedAt;

    /// <summary>Where its training rows came from (<see cref="ModelOrigin"/>).</summary>
    public string Origin => _artifact.Origin;

    /// <summary>The feature columns with their standardisation and imputation values.</summary>
    public FeatureSchema Schema => _artifact.Features;

    /// <summary>Weights on the standardised scale, one per <see cref="Schema"/> column (ML.NET's <c>Weights</c>).</summary>
    public IReadOnlyList<double> Weights => _artifact.Weights;

    /// <summary>The intercept on the standardised scale, before calibration.</summary>
    public double Bias => _artifact.Bias;

    /// <summary>The Platt calibration applied to the raw log-odds.</summary>
    public PlattCalibration Calibration => _artifact.Calibration;

    /// <summary>The prior correction to the deployment base rate, if one was configured.</summary>
    public BaseRateCorrection? BaseRateCorrection => _artifact.BaseRateCorrection;

    /// <summary>Hold-out metrics measured when it was trained.</summary>
    public ModelMetrics? Metrics => _artifact.Metrics;

    /// <summary>The span of send times of its training rows.</summary>
    public TrainingWindow TrainingWindow => _artifact.TrainingWindow;

    /// <summary>Rows it was trained on (all splits).</summary>
    public int RowCount => _artifact.RowCount;

    /// <summary>How the fit went.</summary>
    public TrainingDiagnostics Training => _artifact.Training;

    internal ModelArtifact Artifact => _artifact;

    /// <summary>Reads a model artifact.</summary>
    /// <exception cref="DomainException">The artifact is not valid, or its schema version is newer than this code.</exception>
    public static ResponseModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new ResponseModel(ModelArtifactJson.Read(stream));
    }

    /// <summary>Reads a model artifact.</summary>
    /// <exception cref="DomainException">The artifact is not valid, or its schema version is newer than this code.</exception>
    public static async Task<ResponseModel> LoadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new ResponseModel(await ModelArtifactJson.ReadAsync(stream, cancellationToken));
    }

    /// <summary>Writes the model artifact as JSON.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ModelArtifactJson.Write(stream, _artifact);
    }

    /// <summary>Writes the model artifact as JSON.</summary>
    public Task SaveAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ModelArtifactJson.WriteAsync(stream, _artifact, cancellationToken);
    }

    /// <summary>
    /// Predicts one outreach and explains it with its <paramref name="topContributions"/> largest contributions of at least
    /// <paramref name="minimumLogOdds"/> (by default <see cref="Contribution.NegligibleLogOdds"/>: a feature that moves the
    /// odds of a reply by less than 5 % is not named as a reason, so an average outreach is explained by what really sets
    /// it apart, or by nothing). A message measurement the outreach does not have (<see cref="OutreachFeatures.WordCount"/>,
    /// <see cref="OutreachFeatures.PersonalNoteChars"/> or <see cref="OutreachFeatures.QuestionCount"/> null) moves the
    /// score by nothing and is never a reason.
    /// </summary>
    public Prediction Predict(OutreachFeatures features, int topContributions = 3, double minimumLogOdds = Contribution.NegligibleLogOdds)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfNegative(topContributions);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumLogOdds);
        var raw = new double[Schema.Width];
        _encoder.Encode(features, raw);
        var probability = ScoreEncoded(raw);

        var byGroup = new double[_groups.Length];
        var columns = Schema.Columns;
        for (var j = 0; j < raw.Length; j++)
        {
            byGroup[_groupOfColumn[j]] += Calibration.A * Weights[j] * (raw[j] - columns[j].Mean) / columns[j].Scale;
        }

        var contributions = byGroup
            .Select((value, g) => (Value: value, Group: _groups[g]))
            // An unmeasured length, note or question count sits at its training mean and adds nothing; it is left out by name
            // too, so no reason ever states something about a message that was not read.
            .Where(c => Math.Abs(c.Value) > 1e-9 && Math.Abs(c.Value) >= minimumLogOdds && !FeatureLayout.IsUnmeasured(c.Group, features))
            .OrderByDescending(c => Math.Abs(c.Value))
            .ThenBy(c => c.Group, StringComparer.Ordinal)
            .Take(topContributions)
            .Select(c => new Contribution(c.Group, ContributionWording.Describe(c.Group, features, Schema), c.Value))
            .ToList();
        return new Prediction(probability, contributions);
    }

    /// <summary>Predicts one history row (its features; the outcome is ignored).</summary>
    public Prediction Predict(HistoryRow row, int topContributions = 3, double minimumLogOdds = Contribution.NegligibleLogOdds)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Predict(row.Features, topContributions, minimumLogOdds);
    }

    /// <summary>Encodes outreaches once so they can be scored many times by <see cref="ScoreBatch"/>.</summary>
    public FeatureMatrix Encode(IReadOnlyList<OutreachFeatures> features, CancellationToken cancellationToken = default) =>
        _encoder.Encode(features, cancellationToken);

    /// <summary>Writes the reply probability of every row of <paramref name="features"/> into <paramref name="destination"/>; allocates nothing.</summary>
    public void ScoreBatch(FeatureMatrix features, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Columns != _foldedWeights.Length)
        {
            throw new ArgumentException($"The matrix has {features.Columns} columns; the model expects {_foldedWeights.Length}.", nameof(features));
        }

        if (destination.Length < features.Rows)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values for {features.Rows} rows.", nameof(destination));
        }

        var values = features.Values;
        var width = features.Columns;
        for (var i = 0; i < features.Rows; i++)
        {
            destination[i] = ScoreEncoded(values.AsSpan(i * width, width));
        }
    }

    internal double ScoreEncoded(ReadOnlySpan<double> raw) => VectorMath.Sigmoid(_foldedBias + VectorMath.Dot(raw, _foldedWeights));

    internal ResponseModel WithMetrics(ModelMetrics metrics) => new(_artifact with { Metrics = metrics });
}
