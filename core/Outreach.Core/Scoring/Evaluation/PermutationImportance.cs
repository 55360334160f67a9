using Outreach.Core.Scoring.History;

namespace Outreach.Core.Scoring.Evaluation;

/// <summary>
/// Permutation feature importance (Breiman 2001; ML.NET's <c>PermutationFeatureImportance</c>): the columns of one
/// feature group are shuffled together across rows, the rows rescored, and the change in AUC and log-loss recorded,
/// over seeded repeats.
/// </summary>
public static class PermutationImportance
{
    /// <summary>Importance of every feature group of <paramref name="model"/> on <paramref name="rows"/>, most important (most negative ΔAUC) first.</summary>
    public static IReadOnlyList<FeatureImportance> Compute(
        ResponseModel model,
        IReadOnlyList<HistoryRow> rows,
        int repeats = 5,
        int seed = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        var matrix = model.Encode([.. rows.Select(r => r.Features)], cancellationToken);
        var labels = ModelEvaluator.Labels(rows);
        var scores = new double[rows.Count];
        model.ScoreBatch(matrix, scores);
        var baseAuc = RankMetrics.AreaUnderRocCurve(scores, labels);
        var baseLogLoss = ModelEvaluator.LogLossBits(scores, labels);

        var columns = model.Schema.Columns;
        var random = new Random(seed);
        var permutation = new int[rows.Count];
        var buffer = new double[matrix.Columns];
        var results = new List<FeatureImportance>();
        foreach (var group in columns.Select(c => c.Group).Distinct(StringComparer.Ordinal))
        {
            var groupColumns = Enumerable.Range(0, columns.Count).Where(j => columns[j].Group == group).ToArray();
            var deltaAuc = new List<double>(repeats);
            var deltaLogLoss = new List<double>(repeats);
            for (var r = 0; r < repeats; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < permutation.Length; i++)
                {
                    permutation[i] = i;
                }

                random.Shuffle(permutation);
                for (var i = 0; i < rows.Count; i++)
                {
                    matrix.Row(i).CopyTo(buffer);
                    var donor = matrix.Row(permutation[i]);
                    foreach (var j in groupColumns)
                    {
                        buffer[j] = donor[j];
                    }

                    scores[i] = model.ScoreEncoded(buffer);
                }

                deltaAuc.Add(RankMetrics.AreaUnderRocCurve(scores, labels) - baseAuc);
                deltaLogLoss.Add(ModelEvaluator.LogLossBits(scores, labels) - baseLogLoss);
            }

            results.Add(new FeatureImportance(group, MetricStatistics.Of(deltaAuc), MetricStatistics.Of(deltaLogLoss)));
        }

        return [.. results.OrderBy(f => f.DeltaAuc.Mean).ThenBy(f => f.Group, StringComparer.Ordinal)];
    }
}
