using Outreach.Core.Scoring.History;

namespace Outreach.Core.Scoring.Features;

/// <summary>Encodes outreaches into feature vectors according to a <see cref="FeatureSchema"/>.</summary>
public sealed class FeatureEncoder
{
    private readonly FeatureSchema _schema;

    /// <summary>Creates an encoder for a schema.</summary>
    /// <exception cref="DomainException">The schema's columns are not the layout this version of Outreach encodes.</exception>
    public FeatureEncoder(FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var expected = FeatureLayout.Columns(schema.ExtraColumns).Select(c => c.Name).ToList();
        var actual = schema.Columns.Select(c => c.Name).ToList();
        if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            var first = expected.Zip(actual).Select((p, i) => (p, i)).FirstOrDefault(x => x.p.First != x.p.Second);
            throw new DomainException(
                "model.feature-schema-mismatch",
                $"The model's feature columns ({actual.Count}) are not the ones this version encodes ({expected.Count}); first difference at column {first.i}.",
                "features.columns");
        }

        _schema = schema;
    }

    /// <summary>The schema this encoder follows.</summary>
    public FeatureSchema Schema => _schema;

    /// <summary>
    /// Writes one outreach's raw feature values into <paramref name="destination"/> (length = schema width). Day counts
    /// and note lengths outside the history's ranges are clipped to them (<see cref="HistoryLimits"/>).
    /// </summary>
    /// <exception cref="DomainException">DaysSinceMet is NaN, or an extra column is not a finite number (target: the field).</exception>
    public void Encode(OutreachFeatures features, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (destination.Length != _schema.Width)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; the schema has {_schema.Width}.", nameof(destination));
        }

        FeatureLayout.Write(features, _schema, destination);
    }

    /// <summary>Encodes many outreaches into one matrix, clipping as <see cref="Encode(OutreachFeatures, Span{double})"/> does.</summary>
    /// <exception cref="DomainException">A DaysSinceMet is NaN, or an extra column is not a finite number (target: the field).</exception>
    public FeatureMatrix Encode(IReadOnlyList<OutreachFeatures> features, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        var width = _schema.Width;
        var values = new double[features.Count * width];
        for (var i = 0; i < features.Count; i++)
        {
            if ((i & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            FeatureLayout.Write(features[i], _schema, values.AsSpan(i * width, width));
        }

        return new FeatureMatrix(values, features.Count, width);
    }

    /// <summary>
    /// Builds an unstandardised schema (mean 0, scale 1) for the given extra columns and imputation values; the trainer
    /// then fills in the means and scales from the training rows.
    /// </summary>
    internal static FeatureSchema Unscaled(IReadOnlyList<string> extraColumns, double daysSinceMetMedian, int wordCountMedian) =>
        new(
            [.. FeatureLayout.Columns(extraColumns).Select(c => new FeatureColumn(c.Name, c.Group, c.Encoding, 0, 1))],
            extraColumns,
            daysSinceMetMedian,
            wordCountMedian);

    /// <summary>
    /// Sets the mean of each message-measurement column (length, note, questions) of an <see cref="Unscaled"/> schema to its mean
    /// over the rows of <paramref name="training"/> that measured it, so an unmeasured row is encoded there in training
    /// as it is at prediction (<see cref="FeatureLayout.Write"/>): the training mean of the column then equals that value,
    /// and the group contributes nothing for an unmeasured message in training and at prediction alike.
    /// </summary>
    /// <remarks>A group no training row measured keeps 0, a constant column the fit gives no weight.</remarks>
    internal static FeatureSchema WithMeasuredMessageMeans(FeatureSchema unscaled, IReadOnlyList<OutreachFeatures> training, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unscaled);
        ArgumentNullException.ThrowIfNull(training);
        var columns = unscaled.Columns;
        var sums = new double[unscaled.Width];
        var counts = new int[unscaled.Width];
        var buffer = new double[unscaled.Width];
        for (var i = 0; i < training.Count; i++)
        {
            if ((i & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            FeatureLayout.Write(training[i], unscaled, buffer);
            for (var j = 0; j < buffer.Length; j++)
            {
                if (FeatureLayout.IsMessageGroup(columns[j].Group) && !FeatureLayout.IsUnmeasured(columns[j].Group, training[i]))
                {
                    sums[j] += buffer[j];
                    counts[j]++;
                }
            }
        }

        return unscaled with { Columns = [.. columns.Select((c, j) => counts[j] > 0 ? c with { Mean = sums[j] / counts[j] } : c)] };
    }
}
