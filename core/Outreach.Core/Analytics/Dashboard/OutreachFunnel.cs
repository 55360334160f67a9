namespace Outreach.Core.Analytics.Dashboard;

/// <summary>Contact meetings in range and how far they got: met → followed up (at all) → replied.</summary>
/// <param name="Met">Contact meetings.</param>
/// <param name="FollowedUp">Of those, followed up at least once.</param>
/// <param name="Replied">Of those, whose contact replied.</param>
public sealed record OutreachFunnel(long Met, long FollowedUp, long Replied);
