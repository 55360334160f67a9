namespace Outreach.Core.Outcomes;

/// <summary>Who a sent message belonged to: the owner, the task that sent it and the contact it went to.</summary>
/// <param name="OwnerId">The owner.</param>
/// <param name="TaskId">The task that sent the message.</param>
/// <param name="ContactId">The contact it was sent to.</param>
/// <param name="SenderEmailKey">
/// The lower-cased address it was sent from, when stored. A message in the thread from that address is the
/// owner writing (a reply-all that reached the reply address), not the contact answering.
/// </param>
public sealed record SentMessageRef(string OwnerId, string TaskId, string ContactId, string? SenderEmailKey = null);
