namespace Outreach.Core.Scoring.Synthetic;

/// <summary>Settings of <see cref="SyntheticHistoryGenerator"/>. Same settings and seed give the same rows.</summary>
public sealed record SyntheticHistoryOptions
{
    /// <summary>Rows to emit. Default 10,000.</summary>
    public int Rows { get; init; } = 10_000;

    /// <summary>Seed of <see cref="Random"/>. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The mean true reply probability the intercept is solved for. Default 5 % (the one-in-20 baseline).</summary>
    public double BaseRate { get; init; } = 0.05;

    /// <summary>Pure-noise columns <c>noise_1</c>… carried as extras (standard normal, no effect). Default 3.</summary>
    public int NoiseColumns { get; init; } = 3;

    /// <summary>
    /// Standard deviation of a per-contact random effect on the log-odds: recipients differ in ways no feature sees
    /// (ml.md §6 suggests 0.5). It is part of <c>true_p</c>, which is why even a perfect feature model trails the oracle:
    /// at 0.5 the best feature model reaches about 90 % of the oracle's top-decile lift, at 0.3 about 95 %. Default 0.25,
    /// so the benchmark's oracle comparison mostly measures learning error rather than this unobservable noise.
    /// </summary>
    public double ContactHeterogeneity { get; init; } = 0.25;

    /// <summary>Number of senders. Default 40.</summary>
    public int Owners { get; init; } = 40;

    /// <summary>The first meeting date. Default 1 September 2025.</summary>
    public DateTimeOffset Start { get; init; } = new(2025, 9, 1, 0, 0, 0, TimeSpan.Zero);
}
