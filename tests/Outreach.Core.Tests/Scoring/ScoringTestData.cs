using Outreach.Core.Scoring.History;
using Outreach.Core.Scoring.Synthetic;

namespace Outreach.Core.Tests.Scoring;

/// <summary>Synthetic histories for the scoring tests, with helpers to strip their signal.</summary>
internal static class ScoringTestData
{
    public static IReadOnlyList<HistoryRow> Synthetic(int rows, int seed, double baseRate = 0.05) =>
        SyntheticHistoryGenerator.Generate(new SyntheticHistoryOptions { Rows = rows, Seed = seed, BaseRate = baseRate }).Rows;

    /// <summary>The same outreaches with replies drawn independently of every feature at <paramref name="rate"/>.</summary>
    public static List<HistoryRow> WithoutSignal(IReadOnlyList<HistoryRow> rows, double rate, int seed)
    {
        var random = new Random(seed);
        return [.. rows.Select(r => r with { Replied = random.NextDouble() < rate, TrueProbability = rate })];
    }
}
