namespace Outreach.Core.Campaigns;

/// <summary>A coach's campaign shared with one client.</summary>
/// <param name="CoachId">The coach who owns the campaign.</param>
/// <param name="CampaignId">The campaign, in the coach's partition.</param>
public sealed record CampaignShare(string CoachId, string CampaignId);
