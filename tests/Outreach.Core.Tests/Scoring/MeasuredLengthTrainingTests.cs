using Outreach.Core.Scoring.Features;
using Outreach.Core.Scoring.History;
using Outreach.Core.Scoring.Training;

namespace Outreach.Core.Tests.Scoring;

/// <summary>
/// A history mixing sends whose message was measured (sent since the sender stores its counts) with older ones that
/// were not: the model learns the length effect from the measured rows, and an unmeasured send is encoded at the
/// training mean, in training as at scoring, not as a message of the median length.
/// </summary>
public sealed class MeasuredLengthTrainingTests
{
    private static readonly OutreachFeatures Outreach = new()
    {
        RecipientPosition = "Software Engineer",
        Relationship = Relationship.ClassVisit,
        DaysSinceMet = 2,
        Step = 1,
        TemplateKind = TemplateKind.ThankYou,
        SentAt = new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Training_on_measured_word_counts_learns_the_synthetic_length_effect_and_keeps_unmeasured_sends_at_the_mean()
    {
        // Two thirds of the messages are of a good length (80 words, replied 15 %), one third very short (6 words, 2 %):
        // a true gap of 2.16 in log-odds. Only every fourth send was measured; the others are the same kind of messages
        // with their word count unknown.
        var random = new Random(5);
        var rows = new List<HistoryRow>();
        for (var i = 0; i < 120_000; i++)
        {
            var (words, rate) = random.Next(3) < 2 ? (80, 0.15) : (6, 0.02);
            var measured = i % 4 == 0;
            rows.Add(new HistoryRow($"t{i}", "o", Outreach with { WordCount = measured ? words : null }, random.NextDouble() < rate));
        }

        var model = ModelTrainer.Train(rows, new TrainingOptions()).Model;

        // The length group carries the weight the measured rows teach.
        var good = model.Predict(Outreach with { WordCount = 80 }, topContributions: 100);
        var veryShort = model.Predict(Outreach with { WordCount = 6 }, topContributions: 100);
        var gap = Logit(good.Probability) - Logit(veryShort.Probability);
        Assert.True(gap is > 1.5 and < 2.8, $"gap {gap}");
        Assert.Contains(veryShort.Contributions, c => c.Group == FeatureGroups.Length && c.Description == "Very short message: 6 words" && c.LogOdds < 0);

        // Each length column's training mean is its share among the measured rows (about 2/3 good, 1/3 very short): the
        // unmeasured rows sat there, rather than swelling the median's bin.
        var measuredRows = rows.Where(r => r.Features.WordCount is not null).ToList();
        var goodShare = model.Schema.Columns.Single(c => c.Name == "words=50-125").Mean;
        Assert.Equal(measuredRows.Average(r => r.Features.WordCount == 80 ? 1.0 : 0.0), goodShare, 0.02);

        // And an unmeasured send moves the score by nothing for its length and is never explained by it.
        Assert.DoesNotContain(model.Predict(Outreach, topContributions: 100).Contributions, c => c.Group == FeatureGroups.Length);
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));
}
