namespace Outreach.Core.Outcomes;

/// <summary>Never send to this address again.</summary>
/// <param name="EmailKey">The lower-cased address.</param>
/// <param name="OwnerId">The owner it was matched to, or null when the bounce matched no owner (a dead mailbox is dead for everyone).</param>
/// <param name="Because">Why: <see cref="OutcomeType.Bounced"/> (hard) or <see cref="OutcomeType.Unsubscribed"/>.</param>
public sealed record SuppressAddress(string EmailKey, string? OwnerId, OutcomeType Because) : OutcomeAction;
