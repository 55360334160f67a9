namespace Outreach.Storage.Queues;

/// <summary>A message seen with Peek: not hidden, not counted as a dequeue, and without a pop receipt.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="Text">The text, decoded per the queue client's encoding (the raw text if decoding failed).</param>
/// <param name="DequeueCount">How many times it has been received so far.</param>
/// <param name="InsertionTime">When it was sent.</param>
/// <param name="ExpirationTime">When it expires (year 9999 for never).</param>
public sealed record PeekedMessage(
    string MessageId,
    string Text,
    long DequeueCount,
    DateTimeOffset InsertionTime,
    DateTimeOffset ExpirationTime);
