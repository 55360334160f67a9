namespace Outreach.Storage.Queues;

/// <summary>What the service returns for a sent message.</summary>
/// <param name="MessageId">The new message's id.</param>
/// <param name="PopReceipt">A receipt that allows deleting or updating the message before anyone receives it.</param>
/// <param name="InsertionTime">When it was inserted.</param>
/// <param name="ExpirationTime">When it expires (year 9999 for never).</param>
/// <param name="NextVisibleTime">When it becomes visible (now plus the visibility delay).</param>
public sealed record SentMessage(
    string MessageId,
    string PopReceipt,
    DateTimeOffset InsertionTime,
    DateTimeOffset ExpirationTime,
    DateTimeOffset NextVisibleTime);
