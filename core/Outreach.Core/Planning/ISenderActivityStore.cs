namespace Outreach.Core.Planning;

/// <summary>
/// Each owner's <see cref="SenderActivity"/> (table <c>SenderActivity</c>, one row per owner). The sender bumps it after
/// every send; concurrent senders of one owner must not lose a count, so the table store increments ETag-conditionally.
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
}
