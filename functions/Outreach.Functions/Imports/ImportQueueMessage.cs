namespace Outreach.Functions.Imports;

/// <summary>
/// The message on <see cref="QueueName"/> that asks <c>ImportContacts</c> to run a stored upload: which queuing of the
/// import it is (<see cref="ImportRecord.Retries"/> when it was sent; null on messages sent before it was kept), so a
/// message of an earlier queuing that comes late, after the owner retried the import, is told from the retry's own.
/// </summary>
internal sealed record ImportQueueMessage(string OwnerId, string ImportId, int? Retries = null)
{
    /// <summary>The queue of large uploads; functions/ImportContacts/function.json triggers on it.</summary>
    public const string QueueName = "import-contacts";

    /// <summary>
    /// How long a message lives (set when it is sent): once it is gone no delivery can start, so an import whose message
    /// is older and that nothing is working on has surely stopped (<see cref="ImportStall"/>). A day is far beyond
    /// every retry the host makes (<c>maxDequeueCount</c> deliveries, each after at most ten minutes).
    /// </summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromDays(1);

    /// <summary>How long messages sent before <see cref="TimeToLive"/> was set live: the queue service's default.</summary>
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromDays(7);
}
