using Outreach.Core.Analytics.Counters;

namespace Outreach.Core.Analytics.Events;

/// <summary>
/// Keeps the metrics up to date as events happen: projects each event to increments and applies them to the
/// counter store, or forgets an erased contact's markers. Safe to call again with an event it has seen.
/// </summary>
/// <param name="store">Where the counters live.</param>
public sealed class MetricsRecorder(ICounterStore store)
{
    /// <summary>Records one event.</summary>
    /// <param name="metricEvent">The event.</param>
    /// <param name="ownerTimeZone">The owner's time zone (decides which calendar day a send falls on).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Increments applied now: 0 when the event had been recorded already, and for an erasure.</returns>
    /// <exception cref="DomainException">The event is invalid; nothing was applied.</exception>
    public async Task<int> RecordAsync(MetricEvent metricEvent, TimeZoneInfo ownerTimeZone, CancellationToken cancellationToken)
    {
        var increments = MetricsProjector.Project(metricEvent, ownerTimeZone);
        if (metricEvent is ContactErased erased)
        {
            await store.EraseSubjectAsync(erased.OwnerId, erased.ContactId, cancellationToken);
            return 0;
        }

        return await store.ApplyAsync(increments, cancellationToken);
    }

    /// <summary>
    /// Records many events in one apply, so a store can put the increments of one cell in one write (an import's
    /// hundred contacts met on one day share their owner, cohort and event cells). Erasures are not taken here.
    /// </summary>
    /// <param name="metricEvents">The events; every one is validated before anything is applied.</param>
    /// <param name="ownerTimeZone">The owner's time zone (decides which calendar day a send falls on).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Increments applied now (those recorded before are skipped).</returns>
    /// <exception cref="DomainException">An event is invalid; nothing was applied.</exception>
    /// <exception cref="ArgumentException">An event is a <see cref="ContactErased"/>; use <see cref="RecordAsync"/>.</exception>
    public async Task<int> RecordAllAsync(IReadOnlyList<MetricEvent> metricEvents, TimeZoneInfo ownerTimeZone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metricEvents);
        var increments = new List<CounterIncrement>();
        foreach (var metricEvent in metricEvents)
        {
            if (metricEvent is ContactErased)
            {
                throw new ArgumentException("An erasure is recorded on its own, with RecordAsync.", nameof(metricEvents));
            }

            increments.AddRange(MetricsProjector.Project(metricEvent, ownerTimeZone));
        }

        return increments.Count == 0 ? 0 : await store.ApplyAsync(increments, cancellationToken);
    }
}
