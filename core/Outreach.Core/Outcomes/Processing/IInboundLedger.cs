namespace Outreach.Core.Outcomes;

/// <summary>Remembers which inbound deliveries were processed, so webhook retries are recognised.</summary>
public interface IInboundLedger
{
    /// <summary>Records the key; false when it was already recorded (a duplicate delivery).</summary>
    /// <param name="dedupeKey">From <see cref="DedupeKeys.ForInbound"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<bool> TryRecordAsync(string dedupeKey, CancellationToken cancellationToken);
}
