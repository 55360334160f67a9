using Outreach.Core.Scoring.Evaluation;

namespace Outreach.Core.Tests.Scoring;

public sealed class RankMetricsTests
{
    [Fact]
    public void Auc_counts_a_tied_positive_negative_pair_as_one_half()
    {
        // Positives score 0.4 and 0.8, negatives 0.1 and 0.4: pairs won 1 + 0.5 + 1 + 1 = 3.5 of 4.
        double[] scores = [0.1, 0.4, 0.4, 0.8];
        bool[] labels = [false, true, false, true];

        Assert.Equal(0.875, RankMetrics.AreaUnderRocCurve(scores, labels), 12);
    }

    [Fact]
    public void Auc_is_one_half_when_every_score_ties()
    {
        Assert.Equal(0.5, RankMetrics.AreaUnderRocCurve([0.3, 0.3, 0.3, 0.3], [true, false, false, true]), 12);
    }

    [Fact]
    public void Auc_is_not_a_number_without_positives()
    {
        Assert.True(double.IsNaN(RankMetrics.AreaUnderRocCurve([0.1, 0.2], [false, false])));
    }

    [Fact]
    public void Average_precision_lets_tied_scores_enter_together()
    {
        // 0.8 (reply): precision 1 at recall 0.5; the 0.4 tie adds one reply in two rows: precision 2/3 at recall 1.
        double[] scores = [0.1, 0.4, 0.4, 0.8];
        bool[] labels = [false, true, false, true];

        Assert.Equal(0.5 + (0.5 * 2 / 3.0), RankMetrics.AreaUnderPrecisionRecallCurve(scores, labels), 12);
    }
}
