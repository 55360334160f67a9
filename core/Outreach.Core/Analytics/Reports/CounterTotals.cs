using Outreach.Core.Analytics.Counters;

namespace Outreach.Core.Analytics.Reports;

/// <summary>Sums the counters of the cells that fall into one group and turns them into a row.</summary>
internal sealed class CounterTotals
{
    private readonly Dictionary<string, long> _sums = new(StringComparer.Ordinal);

    public void Add(CounterCell cell)
    {
        foreach (var (name, value) in cell.Counters)
        {
            _sums[name] = _sums.GetValueOrDefault(name) + value;
        }
    }

    public MetricsRow ToRow(string groupKey)
    {
        var met = this[CounterNames.Met];
        var sent = this[CounterNames.Sent];
        var replies = this[CounterNames.Replied];
        var bins = Enumerable.Range(0, ProbabilityBins.Count)
            .Select(b => new CalibrationBin(
                ProbabilityBins.LowerOf(b),
                ProbabilityBins.UpperOf(b),
                this[CounterNames.BinSent(b)],
                this[CounterNames.BinReplied(b)],
                this[CounterNames.BinPredictedMicros(b)]))
            .ToArray();
        return new MetricsRow(
            groupKey,
            met,
            RateVsBaseline.Of(this[CounterNames.FollowedUpWithin2Days], met),
            RateVsBaseline.Of(this[CounterNames.FollowedUpWithin7Days], met),
            this[CounterNames.FollowedUp],
            this[CounterNames.RepliedContacts],
            sent,
            replies,
            RateVsBaseline.Of(replies, sent),
            ModelLift.From(bins),
            Calibration.From(bins));
    }

    private long this[string counter] => _sums.GetValueOrDefault(counter);
}
