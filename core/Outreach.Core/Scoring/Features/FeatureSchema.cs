namespace Outreach.Core.Scoring.Features;

/// <summary>
/// Everything needed to turn <see cref="History.OutreachFeatures"/> into the model's input vector the same way at
/// training and at prediction time: the columns with their standardisation, the extra columns used, and the
/// imputation values learnt from the training rows.
/// </summary>
/// <param name="Columns">The encoded columns in vector order.</param>
/// <param name="ExtraColumns">Extra numeric columns the model uses, in order.</param>
/// <param name="DaysSinceMetMedian">Imputed for a missing <c>days_since_met</c> (with a missing indicator).</param>
/// <param name="WordCountMedian">
/// The median measured <c>word_count</c> of the training rows, kept in the artifact for reference. A missing word count is
/// not imputed with it: like an unmeasured note, it sits at its columns' training means and adds nothing.
/// </param>
public sealed record FeatureSchema(
    IReadOnlyList<FeatureColumn> Columns,
    IReadOnlyList<string> ExtraColumns,
    double DaysSinceMetMedian,
    int WordCountMedian)
{
    /// <summary>The width of the encoded vector.</summary>
    public int Width => Columns.Count;
}
