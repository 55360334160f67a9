using Outreach.Core.Scoring.History;

namespace Outreach.Core.Scoring.Synthetic;

/// <summary>A generated history and the intercept that was solved for its base rate.</summary>
/// <param name="Rows">The rows, ordered by send time, each with its true probability.</param>
/// <param name="Intercept">The log-odds intercept β₀ that makes the mean true probability equal the requested base rate.</param>
public sealed record SyntheticHistory(IReadOnlyList<HistoryRow> Rows, double Intercept);
