namespace Outreach.Core.Scoring.Evaluation;

/// <summary>Threshold-free ranking metrics, exact with tied scores.</summary>
public static class RankMetrics
{
    /// <summary>
    /// Area under the ROC curve by the rank-sum (Mann–Whitney) formula with mid-ranks for ties, so a tie between a
    /// positive and a negative counts one half. NaN when either class is absent.
    /// </summary>
    public static double AreaUnderRocCurve(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var order = AscendingOrder(scores);
        double positives = 0, rankSum = 0;
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            var midRank = ((i + 1) + (j + 1)) / 2.0;
            for (var k = i; k <= j; k++)
            {
                if (labels[order[k]])
                {
                    positives++;
                    rankSum += midRank;
                }
            }

            i = j + 1;
        }

        var negatives = order.Length - positives;
        return positives == 0 || negatives == 0
            ? double.NaN
            : (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>
    /// Area under the precision–recall curve as average precision: Σ (Rₖ − Rₖ₋₁)·Pₖ over score thresholds, tied scores
    /// entering together. A random ranking scores about the prevalence.
    /// </summary>
    public static double AreaUnderPrecisionRecallCurve(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var order = AscendingOrder(scores);
        var totalPositives = 0;
        foreach (var label in labels)
        {
            totalPositives += label ? 1 : 0;
        }

        if (totalPositives == 0)
        {
            return double.NaN;
        }

        double truePositives = 0, taken = 0, area = 0;
        var i = order.Length - 1;
        while (i >= 0)
        {
            var j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]])
            {
                j--;
            }

            var newPositives = 0;
            for (var k = j; k <= i; k++)
            {
                newPositives += labels[order[k]] ? 1 : 0;
            }

            taken += i - j + 1;
            truePositives += newPositives;
            area += newPositives / (double)totalPositives * (truePositives / taken);
            i = j - 1;
        }

        return area;
    }

    /// <summary>
    /// The Hanley–McNeil (1982) standard error of an AUC, used by the deployment gate to ask whether a model ranks
    /// better than chance.
    /// </summary>
    public static double AucStandardError(double auc, long positives, long negatives)
    {
        if (positives == 0 || negatives == 0 || double.IsNaN(auc))
        {
            return double.NaN;
        }

        var q1 = auc / (2 - auc);
        var q2 = 2 * auc * auc / (1 + auc);
        var variance = ((auc * (1 - auc)) + ((positives - 1) * (q1 - (auc * auc))) + ((negatives - 1) * (q2 - (auc * auc)))) / (positives * (double)negatives);
        return Math.Sqrt(Math.Max(variance, 0));
    }

    /// <summary>Row indices sorted by score ascending; ties keep index order so results are deterministic.</summary>
    internal static int[] AscendingOrder(ReadOnlySpan<double> scores)
    {
        var keys = scores.ToArray();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        // Array.Sort is unstable; restore index order inside runs of equal scores.
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[start])
            {
                Array.Sort(order, start, i - start);
                start = i;
            }
        }

        return order;
    }
}
