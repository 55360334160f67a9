namespace Outreach.Storage.Queues;

/// <summary>A received message: hidden from other receivers until <see cref="NextVisibleTime"/>.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="PopReceipt">Proof of this receive: needed to delete or update it (each update issues a new one).</param>
/// <param name="Text">The text, decoded per the queue client's encoding (see <see cref="DecodingFailed"/>).</param>
/// <param name="DequeueCount">How many times the message has been received, including this time.</param>
/// <param name="InsertionTime">When it was sent.</param>
/// <param name="ExpirationTime">When it expires (year 9999 for never).</param>
/// <param name="NextVisibleTime">When it becomes visible again unless deleted.</param>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    string Text,
    long DequeueCount,
    DateTimeOffset InsertionTime,
    DateTimeOffset ExpirationTime,
    DateTimeOffset NextVisibleTime)
{
    /// <summary>The <c>MessageText</c> exactly as stored (before base64 decoding).</summary>
    public string RawText { get; init; } = Text;

    /// <summary>
    /// True when the client expected base64 but the stored text is not valid base64 UTF-8; then <see cref="Text"/>
    /// is the raw text. The Functions host sends such messages straight to the poison queue.
    /// </summary>
    public bool DecodingFailed { get; init; }
}
