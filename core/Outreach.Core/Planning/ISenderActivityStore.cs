namespace Outreach.Core.Planning;

/// <summary>
/// Each owner's <see cref="SenderActivity"/> (table <c>SenderActivity</c>, one row per owner). The sender bumps it after
/// every send and the dispatcher records the latest send time it queued; concurrent writers of one owner must not lose
/// a count or a slot, so the table store updates ETag-conditionally.
/// </summary>
public interface ISenderActivityStore
{
    /// <summary>The owner's activity, or <see cref="SenderActivity.None"/> if nothing was sent yet.</summary>
    Task<SenderActivity> GetAsync(string ownerId, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one send at <paramref name="sentUtc"/> on the sender-local day <paramref name="localDay"/>: adds one to
    /// <see cref="SenderActivity.SentThatDay"/> if the stored day is that day, otherwise starts that day at one; sets
    /// <see cref="SenderActivity.LastSentUtc"/> unless a later send is already recorded.
    /// </summary>
    /// <param name="ownerId">The sending owner.</param>
    /// <param name="localDay">The send's date in the sender's zone (what <see cref="DispatchPlanner"/> compares with).</param>
    /// <param name="sentUtc">When it was sent.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>The activity after this send.</returns>
    Task<SenderActivity> RecordSendAsync(string ownerId, DateOnly localDay, DateTimeOffset sentUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the dispatcher queued a send for <paramref name="sendAtUtc"/>: sets
    /// <see cref="SenderActivity.LatestQueuedUtc"/> unless a later queued send is already recorded. The next run spaces
    /// its sends from this as well as from the last send.
    /// </summary>
    /// <param name="ownerId">The sending owner.</param>
    /// <param name="sendAtUtc">The queued send's slot (the end of its visibility delay).</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>The activity after this update.</returns>
    Task<SenderActivity> RecordQueuedAsync(string ownerId, DateTimeOffset sendAtUtc, CancellationToken cancellationToken);
}
