using Outreach.Core.Scoring.History;
using Outreach.Core.Scoring.Synthetic;

namespace Outreach.Core.Tests.Scoring;

public sealed class SyntheticHistoryGeneratorTests
{
    [Fact]
    public void Hits_the_five_percent_base_rate_within_a_third_of_a_point()
    {
        var rows = SyntheticHistoryGenerator.Generate(new SyntheticHistoryOptions { Rows = 50_000, Seed = 11 }).Rows;

        var replyRate = rows.Count(r => r.Replied) / (double)rows.Count;
        var meanTrueProbability = rows.Average(r => r.TrueProbability!.Value);
        Assert.Equal(50_000, rows.Count);
        Assert.InRange(replyRate, 0.047, 0.053);
        Assert.Equal(0.05, meanTrueProbability, 3);
    }

    [Fact]
    public void Same_seed_gives_byte_identical_output()
    {
        var options = new SyntheticHistoryOptions { Rows = 2_000, Seed = 42 };

        Assert.Equal(Csv(options), Csv(options));
    }

    [Fact]
    public void Another_seed_gives_other_rows()
    {
        Assert.NotEqual(Csv(new SyntheticHistoryOptions { Rows = 2_000, Seed = 42 }), Csv(new SyntheticHistoryOptions { Rows = 2_000, Seed = 43 }));
    }

    [Fact]
    public void Carries_true_probability_and_the_requested_noise_columns()
    {
        var rows = SyntheticHistoryGenerator.Generate(new SyntheticHistoryOptions { Rows = 500, Seed = 3, NoiseColumns = 2 }).Rows;

        Assert.All(rows, r => Assert.InRange(r.TrueProbability!.Value, 0, 1));
        Assert.All(rows, r => Assert.Equal(["noise_1", "noise_2"], r.Features.Extras!.Keys.Order()));
    }

    [Fact]
    public void Warm_contacts_reply_more_often_than_cold_ones_as_the_literature_says()
    {
        var rows = SyntheticHistoryGenerator.Generate(new SyntheticHistoryOptions { Rows = 20_000, Seed = 9 }).Rows;

        double MeanTrueP(Relationship relationship) => rows.Where(r => r.Features.Relationship == relationship).Average(r => r.TrueProbability!.Value);
        Assert.True(MeanTrueP(Relationship.MetInPerson) > 2 * MeanTrueP(Relationship.Cold));
    }

    private static string Csv(SyntheticHistoryOptions options)
    {
        var writer = new StringWriter();
        SyntheticHistoryGenerator.WriteCsv(writer, options);
        return writer.ToString();
    }
}
