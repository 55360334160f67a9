namespace Outreach.Core.Outcomes;

/// <summary>
/// Remembers which inbound deliveries were processed, so webhook retries are recognised. Recording is a claim taken
/// before the delivery's writes; <see cref="CompleteAsync"/> says they were carried out. A claim never completed (its
/// invocation died) must not make every redelivery a duplicate, or the reply is lost for good: a ledger lets a claim
/// that no invocation can still be working on be taken again.
/// </summary>
public interface IInboundLedger
{
    /// <summary>Claims the key; false when it was already recorded (a duplicate delivery) or is claimed by a delivery still running.</summary>
    /// <param name="dedupeKey">From <see cref="DedupeKeys.ForInbound"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<bool> TryRecordAsync(string dedupeKey, CancellationToken cancellationToken);

    /// <summary>Marks the claimed key done: the delivery's outcomes and actions are carried out, so it is never processed again.</summary>
    /// <param name="dedupeKey">A key <see cref="TryRecordAsync"/> claimed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task CompleteAsync(string dedupeKey, CancellationToken cancellationToken);
}
