namespace Outreach.Core.Planning;

/// <summary>
/// Each owner's <see cref="SenderActivity"/> (table <c>SenderActivity</c>, one row per owner). The sender bumps it after
/// every send and the dispatcher records the latest send time it queued; concurrent writers of one owner must not lose
/// a count or a slot, so the table store updates ETag-conditionally. The sender reserves a send against the daily cap
/// before its SMTP call (<see cref="TryReserveSendAsync"/>), so two deliveries of one owner at once cannot both pass
/// the last place under the cap.
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

    /// <summary>
    /// Counts one send on <paramref name="localDay"/> ahead of the SMTP call, in one atomic step with the check, unless
    /// that day's count already reached <paramref name="dailyCap"/>. Of two concurrent reservations for the last place,
    /// exactly one succeeds.
    /// </summary>
    /// <param name="ownerId">The sending owner.</param>
    /// <param name="localDay">Today in the sender's zone.</param>
    /// <param name="dailyCap">The sender's daily cap.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>True when the send was counted and may go; false when the cap is used.</returns>
    Task<bool> TryReserveSendAsync(string ownerId, DateOnly localDay, int dailyCap, CancellationToken cancellationToken);

    /// <summary>Gives back a reservation from <see cref="TryReserveSendAsync"/> whose email did not go out (lost claim, SMTP refused it).</summary>
    /// <param name="ownerId">The sending owner.</param>
    /// <param name="localDay">The day the reservation was made for; nothing changes once the stored day moved on.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    Task ReleaseSendAsync(string ownerId, DateOnly localDay, CancellationToken cancellationToken);

    /// <summary>
    /// Records that a reserved send went out at <paramref name="sentUtc"/>: sets <see cref="SenderActivity.LastSentUtc"/>
    /// unless a later send is already recorded; the count is not changed (the reservation counted it).
    /// </summary>
    /// <param name="ownerId">The sending owner.</param>
    /// <param name="sentUtc">When it was sent.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    Task RecordReservedSentAsync(string ownerId, DateTimeOffset sentUtc, CancellationToken cancellationToken);
}
