namespace Outreach.Core.Scoring.Training;

/// <summary>
/// A seeded stratified split: replies and non-replies are shuffled separately and dealt into the parts in
/// proportion, so every part has the same reply rate (within one row) and the same seed gives the same split.
/// </summary>
public static class StratifiedSplit
{
    /// <summary>Splits row indices into parts of the given fractions (the last part takes the rest).</summary>
    /// <param name="labels">The label of each row.</param>
    /// <param name="fractions">Fractions of all but the last part; they must sum to less than 1.</param>
    /// <param name="seed">The shuffle seed.</param>
    /// <returns>One sorted index array per part: <c>fractions.Count + 1</c> parts.</returns>
    public static IReadOnlyList<int[]> Split(IReadOnlyList<bool> labels, IReadOnlyList<double> fractions, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(fractions);
        if (fractions.Any(f => f < 0) || fractions.Sum() >= 1)
        {
            throw new ArgumentException("Fractions must be non-negative and sum to less than 1.", nameof(fractions));
        }

        var random = new Random(seed);
        var parts = Enumerable.Range(0, fractions.Count + 1).Select(_ => new List<int>()).ToList();
        foreach (var label in new[] { true, false })
        {
            var stratum = Enumerable.Range(0, labels.Count).Where(i => labels[i] == label).ToArray();
            random.Shuffle(stratum);
            var start = 0;
            for (var p = 0; p < fractions.Count; p++)
            {
                var take = (int)Math.Round(fractions[p] * stratum.Length);
                parts[p].AddRange(stratum.AsSpan(start, Math.Min(take, stratum.Length - start)).ToArray());
                start += take;
            }

            parts[^1].AddRange(stratum.Skip(start));
        }

        return [.. parts.Select(p => p.Order().ToArray())];
    }
}
