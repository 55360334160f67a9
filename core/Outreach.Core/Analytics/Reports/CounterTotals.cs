using Outreach.Core.Analytics.Counters;

namespace Outreach.Core.Analytics.Reports;

/// <summary>Sums the counters of the cells that fall into one group and turns them into a row.</summary>
internal sealed class CounterTotals
{
    private readonly Dictionary<string, long> _sums = new(StringComparer.Ordinal);
    private long _metClosed2, _followedClosed2, _metClosed7, _followedClosed7;

    /// <summary>Adds a cell; its meetings count towards a within-N rate only when N days after them are over by <paramref name="asOf"/> (always when null).</summary>
    public void Add(CounterCell cell, DateOnly? asOf)
    {
        foreach (var (name, value) in cell.Counters)
        {
            _sums[name] = _sums.GetValueOrDefault(name) + value;
        }

        var met = cell.Counters.GetValueOrDefault(CounterNames.Met);
        if (WindowOver(cell.Key.Day, Events.MetricsProjector.ShortFollowUpDays, asOf))
        {
            _metClosed2 += met;
            _followedClosed2 += cell.Counters.GetValueOrDefault(CounterNames.FollowedUpWithin2Days);
        }

        if (WindowOver(cell.Key.Day, Events.MetricsProjector.LongFollowUpDays, asOf))
        {
            _metClosed7 += met;
            _followedClosed7 += cell.Counters.GetValueOrDefault(CounterNames.FollowedUpWithin7Days);
        }
    }

    // A meeting on day D can be followed up "within N days" until the end of D + N.
    private static bool WindowOver(DateOnly metOn, int days, DateOnly? asOf) => asOf is not { } today || metOn.DayNumber + days < today.DayNumber;

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
            RateVsBaseline.Of(_followedClosed2, _metClosed2),
            RateVsBaseline.Of(_followedClosed7, _metClosed7),
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
