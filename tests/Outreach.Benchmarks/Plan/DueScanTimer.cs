using System.Diagnostics;
using Outreach.Core.Planning;
using Outreach.Testing.Time;

namespace Outreach.Benchmarks.Plan;

/// <summary>Times the dispatcher's due scan over two indexes, in memory or on tables, the same way.</summary>
internal static class DueScanTimer
{
    /// <summary>
    /// Median time of one scan from ten minutes before <paramref name="now"/> on each index; runs alternate so warm-up
    /// and machine noise hit both alike. Every scan must find exactly <paramref name="expected"/> entries.
    /// </summary>
    public static async Task<(TimeSpan Few, TimeSpan Many)> MeasureAsync(
        IDueIndex few, IDueIndex many, DateTimeOffset now, int expected, int repetitions, int warmUps, CancellationToken cancellationToken)
    {
        var clock = new ManualTimeProvider(now);
        var cursor = DueBuckets.StartOf(now.AddMinutes(-10));
        var fewTimings = new List<TimeSpan>(repetitions);
        var manyTimings = new List<TimeSpan>(repetitions);
        for (var run = 0; run < repetitions + warmUps; run++)
        {
            var fewTime = await TimeScanAsync(new DueWorkFinder(few, clock), cursor, expected, cancellationToken);
            var manyTime = await TimeScanAsync(new DueWorkFinder(many, clock), cursor, expected, cancellationToken);
            if (run >= warmUps)
            {
                fewTimings.Add(fewTime);
                manyTimings.Add(manyTime);
            }
        }

        return (Median(fewTimings), Median(manyTimings));
    }

    /// <summary>The middle timing (sorts the list).</summary>
    public static TimeSpan Median(List<TimeSpan> timings)
    {
        timings.Sort();
        return timings[timings.Count / 2];
    }

    private static async Task<TimeSpan> TimeScanAsync(DueWorkFinder finder, DateTimeOffset cursor, int expected, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var work = await finder.FindAsync(cursor, cancellationToken);
        watch.Stop();
        return work.Entries.Count == expected
            ? watch.Elapsed
            : throw new InvalidOperationException($"The scan found {work.Entries.Count} due tasks, expected {expected}.");
    }
}
