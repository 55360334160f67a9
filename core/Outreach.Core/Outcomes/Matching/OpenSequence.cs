namespace Outreach.Core.Outcomes;

/// <summary>A contact with steps still planned or in flight.</summary>
/// <param name="OwnerId">The owner.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="LastSentTaskId">The most recently sent task to that contact, if any has gone out.</param>
/// <param name="SenderEmailKey">
/// The address key (<see cref="EmailAddress.Key"/>) the latest email to the contact went out from, when known and needed
/// (an index may leave it out while this is the only open sequence with the address): a fresh message from the contact
/// to that address answers this owner, not another one with the same contact.
/// </param>
public sealed record OpenSequence(string OwnerId, string ContactId, string? LastSentTaskId, string? SenderEmailKey = null);
