namespace Outreach.Core.Outcomes;

/// <summary>
/// Never send to the contact's current address again: for a matched hard bounce whose notification names no failed
/// address the parser could read (the message bounced, so the address it went to is dead). Whoever carries it out
/// looks the address up; nothing is done when the contact no longer has one.
/// </summary>
/// <param name="OwnerId">The owner the bounce matched.</param>
/// <param name="ContactId">The contact the bounced message went to.</param>
/// <param name="Because">Why: <see cref="OutcomeType.Bounced"/> (hard).</param>
public sealed record SuppressContactAddress(string OwnerId, string ContactId, OutcomeType Because) : OutcomeAction;
