namespace Outreach.Core.Scoring.Features;

/// <summary>
/// Encoded (not yet standardised) feature vectors, one row per outreach, stored row-major in one array so batch
/// scoring and training walk memory in order and allocate nothing per row.
/// </summary>
public sealed class FeatureMatrix
{
    internal FeatureMatrix(double[] values, int rows, int columns)
    {
        Values = values;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns (the schema width).</summary>
    public int Columns { get; }

    internal double[] Values { get; }

    /// <summary>One row's values.</summary>
    public ReadOnlySpan<double> Row(int index) => Values.AsSpan(index * Columns, Columns);
}
